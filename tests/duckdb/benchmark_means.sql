-- The benchmark's group means by size class (METHOD.md §4), from the members' share
-- files: each company's overall index, averaged per size class, rounded to one decimal.
-- Faro also hides groups under 5 and those that would give one away; compare only the
-- groups Faro publishes.
SELECT profile.size_class AS size,
       round(avg(scores.overall), 1) AS mean,
       count(scores.overall) AS n
FROM read_json('shares/*.json')
GROUP BY size
HAVING count(scores.overall) >= 5
ORDER BY size;

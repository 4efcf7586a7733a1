-- Each service's satisfaction among its users: mean and n (METHOD.md D2), for the
-- services with 5 answers or more (D5). Faro's raw responses CSV, English export.
SELECT regexp_extract(column_name, '^svc\.(.*)\.satisfaction$', 1) AS service,
       avg(score) AS mean,
       count(*) AS n
FROM (
  UNPIVOT (SELECT COLUMNS('^svc\..*\.satisfaction$') FROM read_csv('responses.csv', comment = '#', header = true))
  ON COLUMNS(*) INTO NAME column_name VALUE score
)
GROUP BY service
HAVING count(*) >= 5
ORDER BY service;

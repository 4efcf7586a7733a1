-- Net Promoter Score (METHOD.md D3): % promoters (9-10) minus % detractors (0-6).
SELECT count(nps) AS n,
       100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps) AS nps
FROM read_csv('responses.csv', comment = '#', header = true);

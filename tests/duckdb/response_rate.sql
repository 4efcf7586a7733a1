-- Response rate as the regional KPI defines it (METHOD.md D1): responding member
-- organisations (one per organisation: its main contact) / member organisations.
WITH members AS (SELECT sum(members) AS members FROM read_csv('membership.csv', header = true))
SELECT count_if(org_contact = 'yes') AS organisations,
       members.members AS members,
       100.0 * count_if(org_contact = 'yes') / members.members AS rate
FROM read_csv('responses.csv', comment = '#', header = true), members
GROUP BY members.members;

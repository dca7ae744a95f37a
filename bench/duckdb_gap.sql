-- The gap numbers of FORMAT.md in SQL, for bench/duckdb_gap.py (which
-- fills in $people, $assessments, $as_of, $max_steps and the table
-- `needs`). Generated input only: long format, no expires, no starts or
-- leaves, ISO dates.
WITH rows AS (
    SELECT person, skill, level, assessed, row_number() OVER () AS line
    FROM read_csv('$assessments', header = true, all_varchar = true)
),
-- Known at D (an undated row always is), and an assessment (a blank
-- level is an interest-only row or nothing).
known AS (
    SELECT person, skill, CAST(level AS INTEGER) AS level,
           coalesce(assessed, '') AS assessed, line
    FROM rows
    WHERE coalesce(level, '') <> '' AND coalesce(assessed, '') <= '$as_of'
),
-- The latest assessment wins; undated is older than any date; on a tie
-- the later row.
current AS (
    SELECT person, skill, arg_max(level, (assessed, line)) AS level
    FROM known
    GROUP BY person, skill
),
people AS (
    SELECT id, unit, role
    FROM read_csv('$people', header = true, all_varchar = true)
),
-- Every need with the people in its scope (unit subtree and role) and
-- their level in its skill (0 where unassessed).
scoped AS (
    SELECT n.id, n.level AS want, coalesce(c.level, 0) AS level
    FROM needs n
    JOIN people p
      ON (n.unit IS NULL OR p.unit = n.unit OR starts_with(p.unit, n.unit || '/'))
     AND (n.role IS NULL OR p.role = n.role)
    LEFT JOIN current c ON c.person = p.id AND c.skill = n.skill
),
per_need AS (
    SELECT n.id, n.count,
           count(s.id) FILTER (WHERE s.level >= s.want) AS have,
           count(s.id) FILTER (
               WHERE s.level < s.want AND s.level >= greatest(s.want - $max_steps, 0)
           ) AS candidates
    FROM needs n
    LEFT JOIN scoped s ON s.id = n.id
    GROUP BY n.id, n.count
)
SELECT id, have,
       greatest(count - have, 0) AS shortfall,
       least(candidates, greatest(count - have, 0)) AS develop,
       greatest(count - have, 0) - least(candidates, greatest(count - have, 0)) AS recruit
FROM per_need
ORDER BY id;

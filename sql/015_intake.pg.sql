-- 015 for PostgreSQL: the intake and its case (see 015_intake.sql).
ALTER TABLE person RENAME COLUMN years_in_district TO district_year;
UPDATE person SET district_year = district_year + 1;
ALTER TABLE inquiry RENAME COLUMN years_in_district TO district_year;
UPDATE inquiry SET district_year = district_year + 1 WHERE facts_at <> 0;

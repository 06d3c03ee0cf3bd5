-- 015: the intake and its case (issue 14).
--
-- R1: the question is asked the way teachers count their years, "which
-- year in the district are you in?", and the year they are in is what is
-- kept. What was kept before was the full years behind them: the year they
-- are in is one more. An inquiry's facts count only once confirmed.
ALTER TABLE person RENAME COLUMN years_in_district TO district_year;
UPDATE person SET district_year = district_year + 1;
ALTER TABLE inquiry RENAME COLUMN years_in_district TO district_year;
UPDATE inquiry SET district_year = district_year + 1 WHERE facts_at <> 0;

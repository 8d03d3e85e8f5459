-- The first sketch of the satisfaction survey (one score, a comment) was never written to: the
-- survey with the service index's four criteria (satisfaction_surveys) replaced it.
DROP TABLE "satisfaction_ratings";

-- Storm mode in Slack (docs/noise.md "Storm mode", docs/slack.md): the storm
-- page's messages show its storm (counts, latest incidents, totals), so an
-- entry on another incident of the storm that changes what they show (it
-- joined the storm, or changed status) marks the storm page's messages stale
-- too and wakes the Slack sync for it. Everything else is as before.
CREATE OR REPLACE FUNCTION slack_messages_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  storm_page uuid;
BEGIN
  UPDATE "slack_messages" SET "wanted_seq" = NEW."seq"
   WHERE "incident_id" = NEW."incident_id" AND "wanted_seq" < NEW."seq";
  IF FOUND THEN
    PERFORM pg_notify('heinrich_slack', NEW."incident_id"::text);
  END IF;
  IF NEW."type" IN ('storm_held', 'acknowledged', 'resolved', 'retriggered') THEN
    SELECT st."started_by_incident_id" INTO storm_page
      FROM "incidents" i JOIN "storms" st ON st."id" = i."storm_id"
     WHERE i."id" = NEW."incident_id";
    IF storm_page IS NOT NULL AND storm_page <> NEW."incident_id" THEN
      UPDATE "slack_messages" SET "wanted_seq" = NEW."seq"
       WHERE "incident_id" = storm_page AND "wanted_seq" < NEW."seq";
      IF FOUND THEN
        PERFORM pg_notify('heinrich_slack', storm_page::text);
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

-- Every call-back item: a non-employee response submitted from $since up to the end of $as_of that needs a
-- call-back by the rule of the `callbacks:` section: NPS at or below $nps_max (NULL: off), passives (NPS 7-8)
-- with at least one negative theme mention when $passives_negative, CSAT at or below $csat_max (NULL: off),
-- CES at or below $ces_max (an ease scale) or at or above $ces_min (an effort scale) (NULL: off);
-- then only accounts whose latest ARR (revenue period on or before $as_of) is at least $min_arr ($min_arr 0:
-- every row, accounts without ARR included). due_by = submitted_at + $within_hours hours.
--
-- The item is closed by its first follow-up up to the end of $as_of (temp view callback_followups): one that
-- names its response id, or one that names only its account, called at or after the response. Its status:
--   called_in_time  the first follow-up is at or before due_by
--   called_late     the first follow-up is after due_by
--   overdue         no follow-up, and due_by is before the end of $as_of
--   open            no follow-up, not yet due
-- Responses and follow-ups are both cumulative exports, so an overdue item stays overdue night after night
-- until a follow-up arrives. arr_at_response is the account's ARR of the latest period on or before the
-- response (the effect analysis stratifies on it). Themes come from temp view callback_mentions.
CREATE OR REPLACE TEMP TABLE callback_items AS
WITH recent AS (
  SELECT r.response_id, r.account_id, r.contact_id, r.submitted_at, r.nps, r.csat, r.ces, r.verbatim, r.journey_stage, r.touchpoint, r.survey_type, r.language
  FROM responses r
  WHERE r.submitted_at < $as_of::DATE + INTERVAL 1 DAY
    AND r.submitted_at >= $since::DATE
    AND (r.nps IS NOT NULL OR r.csat IS NOT NULL OR r.ces IS NOT NULL)
    AND NOT coalesce(r.survey_type = 'employee', false)
),
-- list_sort(list_distinct(list(...))) rather than list(DISTINCT ... ORDER BY ...): the same lists, without ordered
-- aggregate states, which ran out of memory at 2,000,000 responses with DuckDB at 293 MiB
themes AS (
  SELECT response_id,
    list_sort(list_distinct(list(theme_id) FILTER (WHERE sentiment_label = 'negative'))) AS negative_themes,
    list_sort(list_distinct(list(theme_id))) AS themes
  FROM callback_mentions
  GROUP BY response_id
),
latest_arr AS (
  SELECT account_id, arg_max(arr, period) AS arr
  FROM revenue WHERE period <= $as_of::DATE AND arr IS NOT NULL
  GROUP BY account_id
),
arr_periods AS (
  SELECT account_id, period::TIMESTAMP AS period_at, arr FROM revenue WHERE arr IS NOT NULL
),
items AS (
  SELECT r.*,
    list_filter([
      CASE WHEN r.nps <= $nps_max::INTEGER THEN 'nps' END,
      CASE WHEN $passives_negative::BOOLEAN AND r.nps BETWEEN 7 AND 8 AND len(coalesce(t.negative_themes, [])) > 0 THEN 'passive_negative_theme' END,
      CASE WHEN r.csat <= $csat_max::INTEGER THEN 'csat' END,
      CASE WHEN r.ces <= $ces_max::INTEGER OR r.ces >= $ces_min::INTEGER THEN 'ces' END
    ], x -> x IS NOT NULL) AS reasons,
    coalesce(t.negative_themes, []) AS negative_themes,
    coalesce(t.themes, []) AS themes,
    l.arr,
    r.submitted_at + to_hours($within_hours::INTEGER) AS due_at
  FROM recent r
  LEFT JOIN themes t ON t.response_id = r.response_id
  LEFT JOIN latest_arr l ON l.account_id = r.account_id
),
kept AS (
  SELECT * FROM items WHERE len(reasons) > 0 AND ($min_arr::DOUBLE <= 0 OR arr >= $min_arr::DOUBLE)
),
at_response AS (
  SELECT k.response_id, p.arr AS arr_at_response
  FROM kept k ASOF LEFT JOIN arr_periods p ON p.account_id = k.account_id AND p.period_at <= k.submitted_at
),
calls AS (
  SELECT k.response_id, f.called_at, f.outcome, f.notes, f.called_by
  FROM kept k JOIN callback_followups f ON f.response_id = k.response_id
  WHERE f.called_at < $as_of::DATE + INTERVAL 1 DAY
  UNION ALL
  SELECT k.response_id, f.called_at, f.outcome, f.notes, f.called_by
  FROM kept k JOIN callback_followups f ON f.response_id IS NULL AND f.account_id = k.account_id AND f.called_at >= k.submitted_at
  WHERE f.called_at < $as_of::DATE + INTERVAL 1 DAY
),
-- the first call of each item by (called_at, outcome, called_by, notes): a window, not first(... ORDER BY ...) per
-- item (ordered aggregate states ran out of memory at 2,000,000 responses with DuckDB at 293 MiB); rows tied on all
-- four keys hold the same values, so which of them is first does not change the item
first_call AS (
  SELECT response_id, called_at, outcome AS call_outcome, notes AS call_notes, called_by
  FROM (
    SELECT *, row_number() OVER (PARTITION BY response_id ORDER BY called_at, outcome, called_by, notes) AS call_rank
    FROM calls
  )
  WHERE call_rank = 1
)
SELECT k.*, a.arr_at_response, c.called_at, c.call_outcome, c.call_notes, c.called_by,
  CASE WHEN c.called_at IS NOT NULL AND c.called_at <= k.due_at THEN 'called_in_time'
       WHEN c.called_at IS NOT NULL THEN 'called_late'
       WHEN k.due_at < $as_of::DATE + INTERVAL 1 DAY THEN 'overdue'
       ELSE 'open' END AS status,
  round(date_diff('second', k.submitted_at, c.called_at) / 3600.0, 2) AS hours_to_call
FROM kept k
LEFT JOIN at_response a ON a.response_id = k.response_id
LEFT JOIN first_call c ON c.response_id = k.response_id;

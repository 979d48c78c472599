-- Verbatims with an NPS score, labelled for domain adaptation: 0-6 negative, 7-8 neutral, 9-10 positive.
-- One row per distinct text (its most frequent label; ties go to negative < neutral < positive), in a stable order.
WITH labelled AS (
  SELECT verbatim AS text,
         CASE WHEN nps <= 6 THEN 'negative' WHEN nps <= 8 THEN 'neutral' ELSE 'positive' END AS label
  FROM responses
  WHERE verbatim IS NOT NULL AND length(trim(verbatim)) > 0 AND nps BETWEEN 0 AND 10
),
counted AS (
  SELECT text, label, count(*) AS n,
         row_number() OVER (PARTITION BY text ORDER BY count(*) DESC, label) AS rank
  FROM labelled
  GROUP BY text, label
)
SELECT text, label FROM counted WHERE rank = 1
ORDER BY md5(text), text
LIMIT $max_rows;

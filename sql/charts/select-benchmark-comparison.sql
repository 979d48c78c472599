-- "How we compare": each brand's panel NPS over the whole window (per segment for the dashboard filter),
-- then the published reference figures as reference points (no interval), shown for all segments only.
SELECT brand AS label, role AS kind, nps, ci_low, ci_high, n, NULL::VARCHAR AS source, segment AS f_segment
FROM benchmark_nps
WHERE period = 'all'
UNION ALL
SELECT brand || ' (' || period || ')' AS label, 'reference' AS kind, nps, NULL::DOUBLE, NULL::DOUBLE, n, source, 'all'
FROM benchmark_reference
ORDER BY f_segment, kind, label;

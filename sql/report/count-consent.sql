-- How many responses recorded a testimonial consent answer (yes or no), and how many said yes.
SELECT count(consent) AS recorded, count(*) FILTER (WHERE consent) AS consented FROM responses;

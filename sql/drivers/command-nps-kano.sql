-- `ecoute drivers --target nps`: penalty-reward (Kano) per attribute, in NPS points.
SELECT attribute, category, round(penalty, 1) AS penalty, round(penalty_ci_low, 1) AS penalty_ci_low, round(penalty_ci_high, 1) AS penalty_ci_high,
  round(reward, 1) AS reward, round(reward_ci_low, 1) AS reward_ci_low, round(reward_ci_high, 1) AS reward_ci_high, small_n
FROM kano_attributes
ORDER BY penalty DESC, attribute
LIMIT $limit;

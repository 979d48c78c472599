INSERT INTO metric_role_weights VALUES ($role, $weight);

-- Respondent weight per contact role (settings.role_weights), filled by metrics/insert-role-weight.
CREATE OR REPLACE TEMP TABLE metric_role_weights (role VARCHAR PRIMARY KEY, weight DOUBLE NOT NULL);

DELETE FROM classify_domain_model;

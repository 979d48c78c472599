SELECT fingerprint, lexicon_version, trained_on, trained_run, model FROM classify_domain_model ORDER BY trained_run DESC, fingerprint LIMIT 1;

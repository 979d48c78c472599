INSERT INTO classify_domain_model VALUES ($fingerprint, $lexicon_version, $trained_on, $trained_run, $model);

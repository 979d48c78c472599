-- The benchmark's rating attributes in their position order.
SELECT attribute FROM benchmark_attributes ORDER BY position;

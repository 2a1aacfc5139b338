-- Reserved for a migration of another branch; this file is replaced by it when the branches are merged.
SELECT 1;

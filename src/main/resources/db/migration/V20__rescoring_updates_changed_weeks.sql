-- A rescoring rewrites only the weekly rows that changed, in place (insert ... on conflict do
-- update), instead of deleting and inserting every week of every client it scores.
grant update on client_week_score to "${app_role}";

-- The framework's training file spells one sub-category "Referals"; QualityVoice now uses "Referrals" everywhere
-- (Analysis/FrameworkNames.cs). Stored themes, their running counts and the analyses' JSON take the new spelling.
-- Renaming the rows in place keeps the counts: the triggers on feedback_themes count inserts and deletes only.
UPDATE feedback_themes SET theme = 'Referrals & continuity of care' WHERE theme = 'Referals & continuity of care';
UPDATE theme_counts SET theme = 'Referrals & continuity of care' WHERE theme = 'Referals & continuity of care';
UPDATE theme_weeks SET theme = 'Referrals & continuity of care' WHERE theme = 'Referals & continuity of care';
UPDATE feedback_items
SET analysis = replace(replace(analysis, 'Referals \u0026 continuity of care', 'Referrals \u0026 continuity of care'),
                       'Referals & continuity of care', 'Referrals & continuity of care')
WHERE analysis LIKE '%Referals %';

-- Reference data every deployment starts with; ADMIN edits it later through the API.
insert into source_type (code, name_zh, name_en, sort_order, active, version) values
('INSPECTION_TOUR',   '巡视',       'Inspection tour',           10, true, 0),
('LOOK_BACK',         '巡视"回头看"', 'Look-back inspection',     20, true, 0),
('SUPERVISION',       '督查',       'Supervision visit',          30, true, 0),
('UNANNOUNCED',       '暗访',       'Unannounced visit',          40, true, 0),
('THIRD_PARTY',       '第三方评估', 'Third-party evaluation',     50, true, 0),
('CROSS_ASSESSMENT',  '交叉考核',   'Cross-city assessment',      60, true, 0),
('SPECIAL_PATROL',    '专项巡查',   'Special inspection',         70, true, 0),
('THEME_REVIEW',      '主题教育检视', 'Theme-education review',   80, true, 0),
('SELF_INSPECTION',   '自查',       'Self-inspection',            90, true, 0);

insert into problem_category (code, name_zh, name_en, sort_order, active, version) values
('AWARENESS',       '思想认识',   'Political awareness',          10, true, 0),
('RESPONSIBILITY',  '责任落实',   'Responsibility',               20, true, 0),
('POLICY',          '政策落实',   'Policy implementation',        30, true, 0),
('WORK_STYLE',      '工作作风',   'Work style',                   40, true, 0),
('FUNDS',           '资金管理',   'Fund management',              50, true, 0),
('PROJECTS',        '项目管理',   'Project management',           60, true, 0),
('INDUSTRY',        '产业发展',   'Industry development',         70, true, 0),
('INFRASTRUCTURE',  '基础设施',   'Infrastructure',               80, true, 0),
('WELFARE',         '民生保障',   'Livelihood and welfare',       90, true, 0),
('PARTY_BUILDING',  '基层党建',   'Grass-roots Party building',  100, true, 0),
('OTHER',           '其他',       'Other',                       990, true, 0);

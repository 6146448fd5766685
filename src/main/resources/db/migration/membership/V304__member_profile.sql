-- The member details of the Beijing card template (京卡会员信息) that a roster import brings: education, employment
-- status and skill grade from code tables, household registration (户籍所在地, free text) and whether the member is a
-- non-Beijing worker (外埠职工). All optional: members who joined online have none of them yet.
ALTER TABLE member
    ADD COLUMN education              TEXT,
    ADD COLUMN employment_status      TEXT,
    ADD COLUMN skill_grade            TEXT,
    ADD COLUMN household_registration TEXT CHECK (length(household_registration) <= 100),
    ADD COLUMN non_beijing_worker     BOOLEAN,
    -- The roster import that created the member (source IMPORT); no foreign key, to keep a million-row import cheap.
    ADD COLUMN import_id              BIGINT;

-- Code tables. A file may hold the Chinese name, one of its usual variants (aliases) or the code itself.
CREATE TABLE education_level (
    code    TEXT PRIMARY KEY,
    name_zh TEXT   NOT NULL UNIQUE,
    name_en TEXT   NOT NULL,
    aliases TEXT[] NOT NULL DEFAULT '{}',
    sort    INT    NOT NULL
);
INSERT INTO education_level (code, name_zh, name_en, aliases, sort) VALUES
    ('DOCTORATE', '博士研究生', 'Doctorate', '{博士}', 10),
    ('MASTER', '硕士研究生', 'Master''s degree', '{硕士,研究生}', 20),
    ('BACHELOR', '大学本科', 'Bachelor''s degree', '{本科}', 30),
    ('JUNIOR_COLLEGE', '大学专科', 'Junior college', '{大专,专科,高职}', 40),
    ('SECONDARY_VOCATIONAL', '中专', 'Secondary vocational school', '{中等专科,中技,技校,技工学校,职高}', 50),
    ('HIGH_SCHOOL', '高中', 'Senior high school', '{普通高中}', 60),
    ('JUNIOR_HIGH', '初中', 'Junior high school', '{初级中学}', 70),
    ('PRIMARY_OR_BELOW', '小学及以下', 'Primary school or below', '{小学,文盲,半文盲}', 80);

CREATE TABLE employment_status (
    code    TEXT PRIMARY KEY,
    name_zh TEXT   NOT NULL UNIQUE,
    name_en TEXT   NOT NULL,
    aliases TEXT[] NOT NULL DEFAULT '{}',
    sort    INT    NOT NULL
);
INSERT INTO employment_status (code, name_zh, name_en, aliases, sort) VALUES
    ('EMPLOYED', '在岗', 'Employed', '{在岗职工,在职,就业}', 10),
    ('DISPATCHED', '劳务派遣', 'Agency worker', '{派遣}', 20),
    ('FLEXIBLE', '灵活就业', 'Flexible employment', '{灵活就业人员}', 30),
    ('GIG', '新就业形态', 'Gig worker', '{新就业形态劳动者,平台就业}', 40),
    ('UNEMPLOYED', '失业', 'Unemployed', '{待业,下岗}', 50),
    ('RETIRED', '离退休', 'Retired', '{退休,离休}', 60);

CREATE TABLE skill_grade (
    code    TEXT PRIMARY KEY,
    name_zh TEXT   NOT NULL UNIQUE,
    name_en TEXT   NOT NULL,
    aliases TEXT[] NOT NULL DEFAULT '{}',
    sort    INT    NOT NULL
);
INSERT INTO skill_grade (code, name_zh, name_en, aliases, sort) VALUES
    ('NONE', '无', 'None', '{无等级,暂无}', 10),
    ('GRADE_5', '初级工', 'Junior worker (grade 5)', '{五级,初级}', 20),
    ('GRADE_4', '中级工', 'Intermediate worker (grade 4)', '{四级,中级}', 30),
    ('GRADE_3', '高级工', 'Senior worker (grade 3)', '{三级,高级}', 40),
    ('GRADE_2', '技师', 'Technician (grade 2)', '{二级}', 50),
    ('GRADE_1', '高级技师', 'Senior technician (grade 1)', '{一级}', 60);

-- An enterprise that closed (注销/关闭): it stays on record with the day it closed; its union, if it had one, is
-- closed on the same day (and its members move to the parent union).
ALTER TABLE enterprise ADD COLUMN closed_on DATE;

"""What `gongshi import` says: every finding of an import run, bilingual, with its hint.

Findings name the cell (M12), the row and the column header as the clerk sees them in the
spreadsheet, so each is fixed where it is read.
"""
from __future__ import annotations

from gongshi.model.findings import WARNING, Msg

BAD_CELL = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：{problem}",
               "cell {cell} (row {row}, column '{header}'): {problem_en}",
               "{hint_zh}", "{hint_en}")
BAD_ROW = Msg("R-FORMAT", "第 {row} 行（{cell}）：{problem}", "row {row} ({cell}): {problem_en}",
              "改正该行后重新导入；其他行已正常导入", "fix the row and import again; the other rows were imported")
UNKNOWN_COLUMN = Msg("R-FORMAT", "不认识的列“{header}”（{cell}），已忽略", "unknown column '{header}' ({cell}) ignored",
                     "列名应为 docs/format.md 中字段的中文名称或双公示列名，例如 {examples}",
                     "headers are the Chinese field titles or the 双公示 columns, e.g. {examples}", severity=WARNING)
NO_HEADER = Msg("R-FORMAT", "表格中没有可识别的表头（需要 行政处罚决定书文号 或 文书编号 等列）",
                "no recognisable header row (needs a column such as 行政处罚决定书文号 or 文书编号)",
                "第一行应为列名", "the first row must hold the column names")
DUPLICATE = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行）：文书编号“{doc_no}”已存在（{path}），未重复导入",
                "cell {cell} (row {row}): document number '{doc_no}' already exists ({path}); not imported again",
                "如需用表格中的内容补充或修改已有记录，加 --update 重新导入；也可直接编辑已有文件",
                "import again with --update to fill in or change the existing record from the sheet, or edit the file",
                severity=WARNING)
WRONG_AGENCY = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：“{value}”不是 {agency}（{name}），该行未导入",
                   "cell {cell} (row {row}, column '{header}'): '{value}' is not {agency} ({name}); the row was not imported",
                   "只导入本主体的决定；多个主体的表格用 --by-agency 导入，按处罚机关分别归档",
                   "import only this agency's rows; for a sheet of several agencies use --by-agency, which files each row "
                   "under the agency it names")
NO_AGENCY = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：“{value}”不是本平台的执法主体，该行未导入",
                "cell {cell} (row {row}, column '{header}'): '{value}' is no agency of this portal; the row was not imported",
                "写执法主体的全称或统一社会信用代码（与 agencies/<编号>/agency.yml 一致），或先建立该主体",
                "give the agency's full name or credit code as in agencies/<slug>/agency.yml, or create the agency first")
NO_OFFICER = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：执法人员名录中没有“{value}”",
                 "cell {cell} (row {row}, column '{header}'): '{value}' is not in the roster",
                 "写 officers.yml 中的人员编号、姓名或执法证号；同名的人员请写编号",
                 "give the id, name or certificate number of officers.yml; for namesakes give the id")
FORMULA = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）是没有计算结果的公式：{formula}",
              "cell {cell} (row {row}, column '{header}') is a formula without a computed value: {formula}",
              "在 Excel 或 WPS 中打开并保存一次（会保存计算结果），或把公式换成数值",
              "open and save the file once in Excel or WPS (which stores the results), or replace the formula by its value")
TOO_BIG = Msg("R-FORMAT", "表格过大：{what}，上限 {limit}；未导入任何行",
              "the spreadsheet is too large: {what_en}, the limit is {limit}; no row was imported",
              "把表格按年份或月份拆成几个文件，分别导入", "split the sheet into several files (by year or month) and import each")
PERSONAL_ID = Msg("R-REDACT", "单元格 {cell}（第 {row} 行“{header}”列）含自然人的{what}（{mask}），该行未导入",
                  "cell {cell} (row {row}, column '{header}') holds a natural person's {what_en} ({mask}); the row was not imported",
                  "身份证号码不得公开，也不写入数据文件；删除该号码（自然人不填写行政相对人代码）后重新导入",
                  "resident ID numbers are never published nor written to the data; delete the number (a natural person has no "
                  "credit code) and import again")
NOT_READABLE = Msg("R-FORMAT", "无法读取表格：{error}", "cannot read the spreadsheet: {error}",
                   "支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）", "use .xlsx or .csv (UTF-8 or GBK)")

# 双公示 columns (national credit exchange format, both layouts) -> the decision field they fill.
PERSONAL_DATA = Msg("R-REDACT", "单元格 {cell}（第 {row} 行“{header}”列）含{what}（应写作“{mask}”），该行未导入",
                    "cell {cell} (row {row}, column '{header}') holds a {what_en} (to be written '{mask}'); the row was not "
                    "imported",
                    "个人信息不写入数据文件：在表格中改为遮盖后的写法（或删去）后重新导入；已有的记录文件可用 gongshi redact --write 遮盖",
                    "personal data is never written to the data: mask (or delete) it in the sheet and import again; for "
                    "record files already written, gongshi redact --write masks it")
NAMES_MASKED = Msg("R-REDACT", "按 site.yml 的 policy.redaction.natural_person_name: mask，已遮盖 {count} 处自然人姓名（{rows} 行，"
                   "例如第 {row} 行写作“{example}”）", "{count} name(s) of natural persons masked in {rows} row(s) as site.yml's "
                   "policy.redaction.natural_person_name: mask says (e.g. row {row} now reads '{example}')",
                   "写入的文件中只有遮盖后的姓名；核对后提交。表格以外写入的姓名用 gongshi redact --write <文件> 遮盖",
                   "the files written hold the masked names only; review and commit. Names written outside an import are "
                   "masked by gongshi redact --write <file>", severity=WARNING)
MASKS_KEPT = Msg("R-REDACT", "{count} 处已遮盖的值保持不变（{rows} 行，例如单元格 {cell}）：表格中是未遮盖的原文，记录中的遮盖写法为准",
                 "{count} masked value(s) kept in {rows} row(s) (e.g. cell {cell}): the sheet holds the unmasked original, the "
                 "record's masked form is canonical",
                 "--update 从不用未遮盖的值替换已遮盖的值；如确需修改，直接编辑记录文件",
                 "--update never replaces a masked value by an unmasked one; to change it, edit the record file",
                 severity=WARNING)
LAST_DAY_DIFFERS = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行“{header}”列）：表格写 {sheet}，按公示期限计算为 {computed}",
                       "cell {cell} (row {row}, column '{header}'): the sheet says {sheet}, the display window gives {computed}",
                       "公示截止期由公开日期、site.yml 的公示期限（policy.display）和记录的 display、withdrawn 算出，"
                       "导出和页面都用计算的日期；如表格正确，核对公开日期或在记录中写 display",
                       "the last day is computed from the publication date, the window of site.yml (policy.display) and "
                       "the record's display and withdrawn; exports and pages use it. If the sheet is right, check the "
                       "publication date or set display in the record", severity=WARNING)
DOC_NO_TAKEN = Msg("R-FORMAT", "单元格 {cell}（第 {row} 行）：文书编号“{doc_no}”已属于另一决定（{path}，当事人“{other}”），"
                   "与本行的当事人“{party}”不同，该行未导入",
                   "cell {cell} (row {row}): document number '{doc_no}' already belongs to another decision ({path}, party "
                   "'{other}'), not to this row's party '{party}'; the row was not imported",
                   "一个文书编号只对应一个决定：核对本行或已有记录的文书编号是否抄错",
                   "a document number names one decision: check this row's and the existing record's number for a "
                   "copying mistake")
WHICH_SHEET = Msg("R-FORMAT", "不清楚应读取哪一个工作表：{reason}；含数据的工作表：{names}",
                  "which worksheet to read is not clear: {reason_en}; sheets holding data: {names}",
                  "用 --sheet 指定工作表名，例如 --sheet {example}", "name the sheet with --sheet, e.g. --sheet {example}")
OFFICERS_OPTION = Msg("R-FORMAT", "--officers：{agency} 的执法人员名录中没有“{value}”，没有执法人员列的行未导入",
                      "--officers: '{value}' is not in the roster of {agency}; rows naming no officers were not imported",
                      "写 officers.yml 中的人员编号、姓名或执法证号，以逗号分隔，例如 --officers o-0003,o-0004",
                      "give ids, names or certificate numbers of officers.yml, comma-separated, e.g. --officers o-0003,o-0004")

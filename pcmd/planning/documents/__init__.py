"""A plan as its official documents: the Word text in the layout of Nghị định 30/2020/NĐ-CP and the task
assignment workbook, and the file name to download them under.

Both builders are pure functions of a saved plan (they read it and its rows, write nothing) returning the
file's bytes; views decide who may download them. The Word text is always Vietnamese — an official document
does not follow the reader's interface language — and says exactly what was entered: statements, task texts,
legal bases and recipients are printed as written.
"""

from pcmd.planning.documents.excel import plan_tasks_xlsx
from pcmd.planning.documents.word import plan_docx
from pcmd.planning.documents.wording import plan_document_filename

__all__ = ["plan_document_filename", "plan_docx", "plan_tasks_xlsx"]

"""Spreadsheet exports that are safe to open: a cell that begins with =, +, -, @, a tab or
a carriage return would run as a formula in Excel or LibreOffice (CSV injection), so it
gets a leading apostrophe, which spreadsheets show as text. Used by every CSV the admin
exports from what visitors typed: the registrations (events/staff.py) and the feedback
reports (Wagtail's form submissions, `DefusedSubmissionsListView`)."""

from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell):
    """`cell` as text a spreadsheet will not run."""
    return "'" + cell if cell[:1] in FORMULA_STARTS else cell


class DefusedCsvExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin: every text cell of the CSV
    defused. (Wagtail's XLSX export already stores formulas as text.)"""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: self._defused(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    @staticmethod
    def _defused(value):
        return defuse(value) if isinstance(value, str) else value


class DefusedSubmissionsListView(DefusedCsvExportMixin, SubmissionsListView):
    """Wagtail's list of form submissions, whose CSV export is defused."""

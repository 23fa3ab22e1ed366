"""Who may publish what in the news section: press releases need approval.

Everything else the Redaktion publishes directly. A press release goes through the
workflow *Pressefreigabe* (metropolregion.roles) unless the person is an approver
(group *Freigabe*) or a superuser: for everybody else the editor offers "Zur Freigabe
einreichen" instead of "Veröffentlichen", and a publish request for a press release
(a news item switched to a press release in the same edit, or a new one) is turned into
a submission for approval (see news/wagtail_hooks.py).
"""

from wagtail.models import PagePermissionTester

from metropolregion.roles import may_publish_press_releases


class NewsPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        if not super().can_publish():
            return False
        if getattr(self.page, "is_press_release", False):
            return may_publish_press_releases(self.user)
        return True

    def can_unschedule(self):
        return super().can_publish()  # withdrawing a schedule never needs approval

"""A feedback report is a row of the shared outbox (metropolregion.outbox.OutboxMixin):
its mail fields take the outbox's names (status, attempts, last_error) and keep their
columns (mail_status, mail_attempts, mail_error), so the database changes only by the
new `sent_at` column."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("metropolregion", "0005_feedback_form"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(
                    model_name="feedbacksubmission", name="metropolreg_mail_st_7cc814_idx"
                ),
                migrations.RenameField("feedbacksubmission", "mail_status", "status"),
                migrations.RenameField("feedbacksubmission", "mail_attempts", "attempts"),
                migrations.RenameField("feedbacksubmission", "mail_error", "last_error"),
                migrations.AlterField(
                    model_name="feedbacksubmission",
                    name="status",
                    field=models.CharField(
                        choices=[
                            ("offen", "Waiting to be sent"),
                            ("gesendet", "Sent"),
                            ("fehlgeschlagen", "Failed"),
                            ("keine", "No recipient"),
                        ],
                        db_column="mail_status",
                        default="offen",
                        max_length=20,
                        verbose_name="Mail to staff",
                    ),
                ),
                migrations.AlterField(
                    model_name="feedbacksubmission",
                    name="attempts",
                    field=models.PositiveSmallIntegerField(
                        db_column="mail_attempts", default=0, verbose_name="Mail attempts"
                    ),
                ),
                migrations.AlterField(
                    model_name="feedbacksubmission",
                    name="last_error",
                    field=models.CharField(
                        blank=True,
                        db_column="mail_error",
                        max_length=200,
                        verbose_name="Last mail error",
                    ),
                ),
                migrations.AddIndex(
                    model_name="feedbacksubmission",
                    index=models.Index(fields=["status"], name="metropolreg_mail_st_7cc814_idx"),
                ),
            ],
        ),
        migrations.AddField(
            model_name="feedbacksubmission",
            name="sent_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Sent at"),
        ),
    ]

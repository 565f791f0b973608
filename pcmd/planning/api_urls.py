"""/api/v1/ routes of planning: plans and their content, the reporting calendar, tasks and their progress."""

from django.urls import path

from pcmd.planning import api

urlpatterns = [
    path("plans/", api.PlanListView.as_view(), name="api-plan-list"),
    path("plans/<int:plan_id>/", api.PlanDetailView.as_view(), name="api-plan-detail"),
    path("plans/<int:plan_id>/issue/", api.PlanIssueView.as_view(), name="api-plan-issue"),
    path("plans/<int:plan_id>/amendments/", api.AmendmentListView.as_view(), name="api-plan-amendments"),
    path(
        "plans/<int:plan_id>/amendments/complete/",
        api.AmendmentCompleteView.as_view(),
        name="api-plan-amendment-complete",
    ),
    path("plans/<int:plan_id>/close/", api.PlanCloseView.as_view(), name="api-plan-close"),
    path("plans/<int:plan_id>/targets/", api.TargetListView.as_view(), name="api-plan-targets"),
    path(
        "plans/<int:plan_id>/targets/<int:target_id>/",
        api.TargetDetailView.as_view(),
        name="api-plan-target-detail",
    ),
    path("plans/<int:plan_id>/tasks/", api.PlanTaskListView.as_view(), name="api-plan-tasks"),
    path(
        "plans/<int:plan_id>/reporting-rules/",
        api.ReportingRuleListView.as_view(),
        name="api-plan-reporting-rules",
    ),
    path(
        "plans/<int:plan_id>/reporting-calendar/",
        api.ReportingCalendarView.as_view(),
        name="api-plan-reporting-calendar",
    ),
    path("plans/<int:plan_id>/cascade/", api.PlanCascadeView.as_view(), name="api-plan-cascade"),
    path("plans/<int:plan_id>/document.docx", api.PlanDocxView.as_view(), name="api-plan-docx"),
    path("plans/<int:plan_id>/tasks.xlsx", api.PlanXlsxView.as_view(), name="api-plan-xlsx"),
    path("tasks/", api.TaskListView.as_view(), name="api-task-list"),
    path("tasks/mine/", api.MyTaskListView.as_view(), name="api-task-mine"),
    path("tasks/<int:task_id>/", api.TaskDetailView.as_view(), name="api-task-detail"),
    path("tasks/<int:task_id>/progress/", api.TaskProgressView.as_view(), name="api-task-progress"),
    path(
        "tasks/<int:task_id>/progress/<int:progress_id>/evidence/",
        api.ProgressEvidenceView.as_view(),
        name="api-task-progress-evidence",
    ),
]

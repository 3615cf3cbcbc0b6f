from django.urls import path

from insights import views

app_name = "insights"

urlpatterns = [
    path("insights/", views.insights_page, name="index"),
    path("demo/board/", views.demo_board, name="demo-board"),
]

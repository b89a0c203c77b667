namespace Zhifa.Web.Features.Calendar;
public sealed class CalendarService;

using Zhifa.Domain.Calendar;
using Zhifa.Domain.Records;

namespace Zhifa.Domain.Tests.Records;

public sealed class RecordRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static DateTime T(string s) => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>2026 with the 劳动节 holiday (1–5 May off, Saturday 9 May worked), as the State Council published it.</summary>
    private static readonly WorkingDayCalendar Calendar = new([new CalendarYear(2026,
    [
        new CalendarDay(D("2026-05-01"), "劳动节", true), new CalendarDay(D("2026-05-02"), "劳动节", true),
        new CalendarDay(D("2026-05-03"), "劳动节", true), new CalendarDay(D("2026-05-04"), "劳动节", true),
        new CalendarDay(D("2026-05-05"), "劳动节", true), new CalendarDay(D("2026-05-09"), "劳动节", false),
    ])]);

    [Fact]
    public void REC7_a_record_of_the_day_before_the_May_holiday_is_on_time_until_the_second_working_day_after_it()
    {
        Assert.Equal(D("2026-05-07"), RecordRules.RegistrationDeadline(Calendar, D("2026-04-30")));
        Assert.False(RecordRules.IsLate(Calendar, D("2026-04-30"), D("2026-05-06"), approvedInAdvance: false));
        Assert.False(RecordRules.IsLate(Calendar, D("2026-04-30"), D("2026-05-07"), approvedInAdvance: false));
        Assert.True(RecordRules.IsLate(Calendar, D("2026-04-30"), D("2026-05-08"), approvedInAdvance: false));
    }

    [Fact]
    public void REC7_a_late_registration_approved_in_advance_is_not_late()
        => Assert.False(RecordRules.IsLate(Calendar, D("2026-04-30"), D("2026-06-01"), approvedInAdvance: true));

    [Fact]
    public void REC7_a_record_of_a_Friday_is_due_on_the_Tuesday()
    {
        Assert.Equal(D("2026-06-16"), RecordRules.RegistrationDeadline(Calendar, D("2026-06-12")));
        Assert.True(RecordRules.IsLate(Calendar, D("2026-06-12"), D("2026-06-17"), false));
    }

    [Fact]
    public void REC6_a_capture_time_inside_the_span_or_within_ten_minutes_of_it_gives_no_warning()
    {
        Assert.Equal("", RecordRules.CaptureWarning(T("2026-03-02 10:30"), T("2026-03-02 10:00"), T("2026-03-02 11:00")));
        Assert.Equal("", RecordRules.CaptureWarning(T("2026-03-02 09:51"), T("2026-03-02 10:00"), T("2026-03-02 11:00")));
        Assert.Equal("", RecordRules.CaptureWarning(T("2026-03-02 11:10"), T("2026-03-02 10:00"), T("2026-03-02 11:00")));
        Assert.Equal("", RecordRules.CaptureWarning(null, T("2026-03-02 10:00"), T("2026-03-02 11:00")));
    }

    [Fact]
    public void REC6_a_capture_time_outside_the_span_names_both_times()
    {
        var w = RecordRules.CaptureWarning(T("2026-03-01 08:00"), T("2026-03-02 10:00"), T("2026-03-02 11:00"));
        Assert.StartsWith("拍摄时间与记录时间不一致：", w, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 08:00:00", w, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 10:00:00", w, StringComparison.Ordinal);
        Assert.NotEqual("", RecordRules.CaptureWarning(T("2026-03-02 11:11"), T("2026-03-02 10:00"), T("2026-03-02 11:00")));
    }

    [Fact]
    public void Missing_facts_are_each_named_in_Chinese()
    {
        var errors = RecordRules.Validate(new RecordFacts(null, "", null, null, "", null, null, "", null, null, null, true, "", false));
        Assert.Equal(["kind", "step", "startedAt", "endedAt", "place", "proves", "lateApprovalNote"], errors.Select(e => e.Field));
        Assert.Contains(errors, e => e.Message == "请填写证明对象");
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var errors = RecordRules.Validate(new RecordFacts("录像", "现场检查", T("2026-03-02 11:00"), T("2026-03-02 10:00"), "某店", null, null, "现场状况", null, null, null, false, null, false));
        Assert.Equal("endedAt", Assert.Single(errors).Field);
    }

    [Fact]
    public void Kinds_are_read_by_name_or_Chinese_label()
    {
        Assert.Equal(RecordKind.Video, RecordRules.ParseKind("录像"));
        Assert.Equal(RecordKind.ElectronicData, RecordRules.ParseKind("electronicdata"));
        Assert.Null(RecordRules.ParseKind("视频"));
    }

    [Fact]
    public void REC5_on_site_inspection_and_seizure_must_be_recorded_but_filing_need_not()
    {
        Assert.True(RecordRules.RequiresRecording("现场检查"));
        Assert.True(RecordRules.RequiresRecording("查封扣押现场"));
        Assert.False(RecordRules.RequiresRecording("立案"));
    }

    [Fact]
    public void An_interruption_without_explanation_is_flagged()
    {
        Assert.True(RecordRules.HasUnexplainedInterruption("10:20 至 10:25 中断", ""));
        Assert.False(RecordRules.HasUnexplainedInterruption("10:20 至 10:25 中断", "电池耗尽，更换电池"));
        Assert.False(RecordRules.HasUnexplainedInterruption("", ""));
    }

    [Fact]
    public void An_empty_or_oversized_upload_is_refused()
    {
        Assert.Equal("size", Assert.Single(RecordRules.ValidateUpload("a.mp4", 0)).Field);
        Assert.Equal("size", Assert.Single(RecordRules.ValidateUpload("a.mp4", RecordRules.MaxFileSize + 1)).Field);
        Assert.Equal("fileName", Assert.Single(RecordRules.ValidateUpload(" ", 10)).Field);
    }
}

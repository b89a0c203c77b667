using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Decisions;

/// <summary>出席: a 负责人 who takes part and counts; 列席: anyone else present, recorded but not counted.</summary>
public enum Attendance { Present, Observer }

/// <summary>One person at a collective discussion as entered: the account, its roles in the agency, and what they said.</summary>
public sealed record DiscussionAttendee(int UserId, IReadOnlyCollection<string> Roles, string? Opinion);

/// <summary>A collective discussion as entered, for <see cref="DiscussionRules.Validate"/>.</summary>
public sealed record DiscussionMinutes(string? Reason, DateTime? HeldAtUtc, string? Conclusion, int? PresiderUserId, int? DesignatedByUserId,
    string? Designation, IReadOnlyList<DiscussionAttendee> Attendees);

/// <summary>
/// 行政处罚法第五十七条第二款: 对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定. The discussion is
/// one of the agency's 负责人 — the 正职 (<see cref="Roles.Head"/>) and the 副职 and other leaders in charge (分管负责人; the
/// platform has no separate role for 其他分管负责人, so <see cref="Roles.DeputyHead"/> covers every 班子成员 in charge), as
/// 法释〔2020〕3号 第二条 reads 行政机关负责人. Others may attend as 列席 and are recorded, but neither count nor preside.
/// </summary>
public static class DiscussionRules
{
    /// <summary>A discussion of one person is no collective discussion, whatever the agency sets.</summary>
    public const int MinimumLeaders = 2;

    public static bool IsLeader(IReadOnlyCollection<string> roles) => roles.Contains(Roles.Head) || roles.Contains(Roles.DeputyHead);

    public static Attendance AttendanceOf(IReadOnlyCollection<string> roles) => IsLeader(roles) ? Attendance.Present : Attendance.Observer;

    public static string Label(Attendance a) => Messages.Get(a == Attendance.Present ? "discussion.attendance.present" : "discussion.attendance.observer");

    /// <summary>
    /// How many 负责人 must attend. The law leaves it to the agency: the number it set, or else more than half of its 负责人
    /// accounts, so that the discussion speaks for the majority of its leaders; never fewer than <see cref="MinimumLeaders"/>.
    /// </summary>
    public static int Quorum(int? agencySetting, int leaderAccounts) => Math.Max(MinimumLeaders, agencySetting ?? leaderAccounts / 2 + 1);

    /// <summary>The agency's quorum setting: empty (more than half), or a number of 负责人 from 2 to 50.</summary>
    public static ValidationErrors ValidateQuorumSetting(int? quorum)
    {
        var errors = new ValidationErrors();
        if (quorum is { } q && (q < MinimumLeaders || q > 50)) errors.Add("discussionQuorum", "discussion.quorum_setting_invalid", Messages.Get("discussion.quorum_setting_invalid"));
        return errors;
    }

    /// <summary>
    /// Every problem of a discussion as entered, each named: the 负责人 attending reach the quorum (列席 do not count), each
    /// of them gives an opinion, and it is presided by the head, or by a deputy the head designated (who, and how).
    /// <paramref name="staff"/> holds the agency's accounts with their roles.
    /// </summary>
    public static ValidationErrors Validate(DiscussionMinutes m, IReadOnlyDictionary<int, IReadOnlyCollection<string>> staff, int quorum, DateTime nowUtc)
    {
        var reason = Messages.Get("discussion.field.reason");
        var conclusion = Messages.Get("discussion.field.conclusion");
        var errors = new ValidationErrors().Required("reason", m.Reason, reason).MaxLength("reason", m.Reason, 2000, reason)
            .Required("conclusion", m.Conclusion, conclusion).MaxLength("conclusion", m.Conclusion, 4000, conclusion);
        if (m.HeldAtUtc is not { } at) errors.Add("heldAt", "required", Messages.Get("discussion.held_at_required"));
        else if (at > nowUtc.AddMinutes(5)) errors.Add("heldAt", "in_future", Messages.Get("discussion.held_at_in_future"));

        var ids = m.Attendees.Select(a => a.UserId).ToList();
        if (ids.Distinct().Count() != ids.Count) errors.Add("participants", "discussion.duplicate", Messages.Get("discussion.duplicate"));
        for (int i = 0; i < m.Attendees.Count; i++)
        {
            var a = m.Attendees[i];
            if (!staff.ContainsKey(a.UserId)) errors.Add($"participants[{i}].userId", "discussion.not_staff", Messages.Get("discussion.not_staff", i + 1));
            else if (IsLeader(a.Roles) && string.IsNullOrWhiteSpace(a.Opinion))
                errors.Add($"participants[{i}].opinion", "discussion.opinion_missing", Messages.Get("discussion.opinion_missing", i + 1));
            errors.MaxLength($"participants[{i}].opinion", a.Opinion, 2000, Messages.Get("discussion.field.opinion"));
        }
        var leaders = m.Attendees.Where(a => staff.ContainsKey(a.UserId) && IsLeader(a.Roles)).Select(a => a.UserId).Distinct().ToList();
        if (leaders.Count < quorum)
            errors.Add("participants", "discussion.quorum_not_met", Messages.Get("discussion.quorum_not_met", quorum, leaders.Count, m.Attendees.Count - leaders.Count));

        if (m.PresiderUserId is not { } presider) errors.Add("presiderUserId", "discussion.presider_missing", Messages.Get("discussion.presider_missing"));
        else if (!staff.TryGetValue(presider, out var roles) || !IsLeader(roles))
            errors.Add("presiderUserId", "discussion.presider_not_leader", Messages.Get("discussion.presider_not_leader"));
        else
        {
            if (!leaders.Contains(presider)) errors.Add("presiderUserId", "discussion.presider_absent", Messages.Get("discussion.presider_absent"));
            if (!roles.Contains(Roles.Head))
            {
                // A deputy presides only by the head's designation, which the minutes record.
                if (m.DesignatedByUserId is not { } by || string.IsNullOrWhiteSpace(m.Designation))
                    errors.Add("designation", "discussion.presider_not_designated", Messages.Get("discussion.presider_not_designated"));
                else if (!staff.TryGetValue(by, out var byRoles) || !byRoles.Contains(Roles.Head))
                    errors.Add("designatedByUserId", "discussion.designator_not_head", Messages.Get("discussion.designator_not_head"));
            }
        }
        errors.MaxLength("designation", m.Designation, 500, Messages.Get("discussion.field.designation"));
        return errors;
    }
}

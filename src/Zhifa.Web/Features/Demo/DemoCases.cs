using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.Records;

namespace Zhifa.Web.Features.Demo;

/// <summary>
/// Demo cases of every category at different steps, opened, moved, recorded and documented through the same services
/// and rules as the pages, acting as the demo handlers — so the demo can never show what the rules would refuse.
/// </summary>
public sealed partial class DemoCases(IServiceScopeFactory scopes, IHttpContextAccessor accessor)
{
    private static readonly DateTime Now = DateTime.UtcNow;

    // The steps of each path, in order; a demo case of each path stops at every one of them.
    private static readonly string[] GeneralPenalty =
    [
        CaseSteps.Filed, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice, CaseSteps.Statement,
        CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed, CaseSteps.Closed, CaseSteps.Archived,
    ];
    private static readonly string[] SimplePenalty = [CaseSteps.Filed, CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed, CaseSteps.Closed, CaseSteps.Archived];
    private static readonly string[] Inspection = [CaseSteps.InspectionStarted, CaseSteps.OnSiteInspection, CaseSteps.InspectionResult, CaseSteps.Closed, CaseSteps.Archived];
    private static readonly string[] Coercion =
        [CaseSteps.CoercionApproval, CaseSteps.CoercionImplemented, CaseSteps.CoercionHandling, CaseSteps.CoercionResolved, CaseSteps.Closed, CaseSteps.Archived];
    private static readonly string[] Application = [CaseSteps.Accepted, CaseSteps.Examination, CaseSteps.Decided, CaseSteps.Served, CaseSteps.Closed, CaseSteps.Archived];

    private static readonly string[] HealthPlaces =
    [
        "悦来宾馆有限公司", "如意旅社", "金港湾洗浴中心", "星光 KTV 有限公司", "丽人美容美发店", "客来居酒店有限公司", "便江游泳馆",
        "万福足浴店", "新世纪影城有限公司", "温馨家庭旅馆", "康乐健身会所", "南岭宾馆有限公司", "朝阳网吧", "阳光浴室", "雅居民宿",
        "华美理发店", "金水湾游泳馆", "悦容美发店", "百乐门歌厅", "银都大酒店有限公司", "顺心旅社", "水云间茶楼", "东方宾馆有限公司",
        "清风招待所", "玉泉浴池", "明珠宾馆有限公司", "红星理发店", "紫荆花酒店有限公司", "平安旅社", "碧水湾洗浴有限公司",
    ];
    private static readonly string[] Representatives = ["陈某", "黄某", "罗某", "刘某", "曹某", "李某", "王某", "赵某", "周某", "吴某", "郑某", "孙某"];
    private static readonly string[] Streets = ["解放路", "人民路", "银都大道", "车站路", "便江大道", "文化路", "工业园路"];

    private int _party;

    public async Task SeedAsync()
    {
        try
        {
            var awaitingDecision = new List<(Case Case, string Target)>();
            await AsAsync("handler", async s =>
            {
                foreach (var target in GeneralPenalty)
                {
                    var c = await OpenAsync(s, "Penalty", "General", "330217001000", "{0}未取得公共场所卫生许可证擅自营业", NextParty());
                    await PenaltyUpToStatementAsync(s, c, target);
                    if (IsAfter(GeneralPenalty, target, CaseSteps.Statement)) awaitingDecision.Add((c, target));
                }
                // A major case on the reviewers' desk: suspension of business goes to legal review (LR-2).
                var major = await OpenAsync(s, "Penalty", "General", "330217001000", "{0}拒不改正，拟责令停业整顿", NextParty());
                await PenaltyUpToStatementAsync(s, major, CaseSteps.Statement, suspend: true);
                await SubmitForReviewAsync(s, major);
                // A preservation awaiting its 处理决定 within 7 working days (LAW-5).
                var preserved = await OpenAsync(s, "Penalty", "General", "330217003000", "{0}使用非卫生技术人员从事医疗卫生技术工作", ("永兴县便江镇康宁诊所", "黄某"));
                await PenaltyUpToStatementAsync(s, preserved, CaseSteps.Investigation);
                await s.GetRequiredService<EvidencePreservationService>().RegisterAsync(preserved,
                    new PreservationInput("《医师执业证书》复印件 1 份、门诊登记本 1 册", "永兴县卫生健康局证据保存室", DateOnly.FromDateTime(Infrastructure.Display.ToChina(Now))));

                foreach (var target in SimplePenalty)
                {
                    var c = await OpenAsync(s, "Penalty", "Simple", "330217002000", "{0}未按规定对顾客用品用具进行卫生检测", NextParty());
                    if (target == CaseSteps.Filed) continue;
                    await s.GetRequiredService<Decisions.ProposalService>().SaveAsync(c, DemoBenchmarks.SimpleCaseProposal());
                    await MoveAsync(s, c, CaseSteps.Decided, c.Place);
                    // The simple procedure's decision is written and handed over on the spot (art. 52).
                    // Its 违法条款 and 处罚依据 are those of the proposal.
                    var decision = await DocumentAsync(s, c, "penalty-decision", new() { ["决定内容"] = "警告" });
                    await ExecuteAsync(s, c, SimplePenalty, target, decision.Id, paid: null);
                }

                foreach (var target in Inspection)
                {
                    var c = await OpenAsync(s, "Inspection", null, "330617001000", "{0}公共场所卫生监督检查", NextParty());
                    foreach (var step in Inspection.Skip(1).TakeWhile(x => !IsAfter(Inspection, x, target)))
                    {
                        await MoveAsync(s, c, step, c.Place);
                        if (step == CaseSteps.OnSiteInspection) await PhotoAsync(s, c, step, "客房床上用品更换记录", "李娜");
                    }
                }

                foreach (var target in Application)
                    await ApplicationAsync(s, "Licensing", "330117001000", "{0}申请公共场所卫生许可", target);
                foreach (var target in Application)
                    await ApplicationAsync(s, "Confirmation", "330717001000", "{0}申请农村部分计划生育家庭奖励扶助资格确认", target, person: true);
            });

            // The head signs every decision that the demo shows as made (REC-4, LR-1): the same act as on the 决定 page.
            await AsAsync("head", async s =>
            {
                foreach (var (c, _) in awaitingDecision)
                {
                    var issued = await s.GetRequiredService<Decisions.DecisionService>().IssueAsync(c, new Decisions.IssueInput("永兴县卫生健康局", ""));
                    if (!issued.Succeeded) throw new InvalidOperationException($"demo case {c.Id}: " + string.Join("; ", issued.Reasons.Select(r => r.Code)));
                }
            });
            await AsAsync("handler", async s =>
            {
                var db = s.GetRequiredService<AppDbContext>();
                foreach (var (c, target) in awaitingDecision)
                {
                    var decision = await db.Set<Domain.Documents.CaseDocument>().Where(d => d.CaseId == c.Id && d.TypeCode == "penalty-decision").Select(d => d.Id).SingleAsync();
                    await ExecuteAsync(s, c, GeneralPenalty, target, decision, paid: 3000m);
                }
            });

            await AsAsync("yj.handler", async s =>
            {
                var depots = new[] { "鑫盛烟花爆竹批发有限公司", "华宇化工有限公司", "兴旺矿业有限公司", "永安建材有限公司", "恒通物流有限公司", "顺达加油站" };
                for (int i = 0; i < Coercion.Length; i++)
                {
                    var c = await OpenAsync(s, "Coercion", null, "331217001000", "{0}存在重大事故隐患，查封相关场所", ($"永兴县{depots[i]}", Representatives[i]), "吴刚", "郑凯");
                    foreach (var step in Coercion.Skip(1).TakeWhile(x => !IsAfter(Coercion, x, Coercion[i])))
                    {
                        await MoveAsync(s, c, step, c.Place);
                        if (step != CaseSteps.CoercionImplemented) continue;
                        await PhotoAsync(s, c, step, "查封仓库，张贴封条", "吴刚");
                        await RecordAsync(s, c, step, "Video", "查封现场全程录像", "郑凯");
                    }
                    if (Coercion[i] == CaseSteps.CoercionHandling)
                        await s.GetRequiredService<SeizureExtensionService>().RequestAsync(c, new SeizureExtensionInput(30, "隐患整改涉及专业检测，三十日内无法完成"));
                }
                foreach (var target in Application)
                    await ApplicationAsync(s, "Expropriation", "331517001000", "{0}防汛抢险征用挖掘机械", target, officers: ["吴刚", "郑凯"]);
            });
            await AsAsync("yj.head", async s =>
            {
                var db = s.GetRequiredService<AppDbContext>();
                var pending = await db.Set<SeizureExtension>().AsNoTracking().ToListAsync();
                foreach (var x in pending)
                {
                    var c = await db.Cases.AsNoTracking().SingleAsync(k => k.Id == x.CaseId);
                    await s.GetRequiredService<SeizureExtensionService>().DecideAsync(c, x, new HeadDecisionInput(true, "同意延长三十日"));
                }
            });
            await PublicationsAsync();
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private (string Name, string Representative) NextParty()
    {
        int i = _party++;
        return ("永兴县" + HealthPlaces[i % HealthPlaces.Length], Representatives[i % Representatives.Length]);
    }

    private static bool IsAfter(string[] path, string step, string than) => Array.IndexOf(path, step) > Array.IndexOf(path, than);

    /// <summary>Investigation with its photo and 笔录, then the proposal and its served 事先告知书, as far as <paramref name="target"/> (statement at most).</summary>
    private async Task PenaltyUpToStatementAsync(IServiceProvider s, Case c, string target, bool suspend = false)
    {
        if (target == CaseSteps.Filed) return;
        await MoveAsync(s, c, CaseSteps.Investigation, c.Place);
        await PhotoAsync(s, c, CaseSteps.Investigation, "前台未悬挂卫生许可证", "张伟");
        await DocumentAsync(s, c, "site-record", new() { ["时间"] = Local(-26) + "至" + Local(-25), ["内容"] = "经查，该场所正在对外营业，前台未悬挂公共场所卫生许可证，经营者未能出示有效卫生许可证。" });
        await DocumentAsync(s, c, "inquiry-record", new() { ["时间"] = Local(-24), ["被询问人"] = "经营者（当事人的法定代表人）", ["问答"] = "问：是否取得公共场所卫生许可证？\n答：还没有办下来，已经营业两个月。" });
        if (target == CaseSteps.Investigation) return;
        await MoveAsync(s, c, CaseSteps.InternalReview, "");
        if (target == CaseSteps.InternalReview) return;
        // 案件审核 is done by someone other than the handlers: the unit head.
        await AsAsync("unithead", u => MoveAsync(u, c, CaseSteps.Notice, ""));
        var notice = await NoticeServedAsync(s, c, suspend);
        if (target == CaseSteps.Notice) return;
        await MoveAsync(s, c, CaseSteps.Statement, "");
        if (target == CaseSteps.Statement) return;
        // Cases shown as decided: the party waived its statement in writing, so the decision need not wait.
        await s.GetRequiredService<Decisions.NoticeService>().WaiveAsync(c, notice, new Decisions.WaiverInput(DateTime.UtcNow, "当事人书面声明放弃陈述、申辩的权利"));
    }

    /// <summary>Service, payment and closure of a decided penalty, as far as <paramref name="target"/>.</summary>
    private static async Task ExecuteAsync(IServiceProvider s, Case c, string[] path, string target, int decisionDocumentId, decimal? paid)
    {
        var execution = s.GetRequiredService<Execution.ExecutionService>();
        if (!IsAfter(path, target, CaseSteps.Decided)) return;
        await execution.AddServiceAsync(c, new Execution.ServiceInput(decisionDocumentId, "Direct", "经营者", DateTime.UtcNow, c.Place, null, null, null, null, null, null, null, null));
        await MoveAsync(s, c, CaseSteps.Served, c.Place);
        if (target == CaseSteps.Served) return;
        if (paid is { } amount) await execution.AddPaymentAsync(c, new Execution.PaymentInput(amount, DateOnly.FromDateTime(Infrastructure.Display.ToChina(Now)), "湘农信缴款书 430000" + c.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
        await MoveAsync(s, c, CaseSteps.Executed, "");
        if (target == CaseSteps.Executed) return;
        await execution.ClosingReportAsync(c, new Execution.ClosingReportInput(paid is null ? "当场作出警告决定并当场交付。" : "当事人已于期限内缴清罚款。"));
        await MoveAsync(s, c, CaseSteps.Closed, "");
        if (target == CaseSteps.Closed) return;
        await MoveAsync(s, c, CaseSteps.Archived, "");
    }

    /// <summary>A licence, confirmation or requisition case moved to <paramref name="target"/>.</summary>
    private async Task ApplicationAsync(IServiceProvider s, string category, string matterCode, string title, string target, bool person = false, string[]? officers = null)
    {
        var party = NextParty();
        var c = person
            ? await OpenAsync(s, category, null, matterCode, title, Person(party.Representative.Replace("某", "春花", StringComparison.Ordinal)), officers ?? ["王强", "李娜"])
            : await OpenAsync(s, category, null, matterCode, title, party, officers ?? ["王强", "李娜"]);
        foreach (var step in Application.Skip(1).TakeWhile(x => !IsAfter(Application, x, target))) await MoveAsync(s, c, step, "");
    }

    private static async Task SubmitForReviewAsync(IServiceProvider s, Case c)
    {
        var db = s.GetRequiredService<AppDbContext>();
        var evidence = await db.Set<Domain.Documents.CaseDocument>().Where(d => d.CaseId == c.Id && d.TypeCode == "site-record").Select(d => d.Id).ToListAsync();
        var submitted = await s.GetRequiredService<LegalReview.LegalReviewService>().SubmitAsync(c, new LegalReview.SubmissionInput
        {
            BasicFacts = "当事人未取得公共场所卫生许可证擅自营业，经责令改正后仍继续营业。", LawApplied = "《公共场所卫生管理条例》第八条、第十四条。",
            Discretion = "拒不改正，情节较重，拟责令停业整顿并处罚款。", Investigation = "现场检查两次，制作现场笔录、询问笔录，拍摄现场照片。",
            HearingAndAppraisal = "当事人未申请听证；未进行评估、鉴定。", ProcedureFollowed = "已立案、调查取证、案件审核，已送达事先告知书。",
            EvidenceDocumentIds = evidence, UnitOpinion = "建议按拟定意见作出处罚决定。", ContactName = "张伟", ContactPhone = "0735-5522110",
        });
        if (!submitted.Succeeded) throw new InvalidOperationException("The demo's major case was not submitted: " + string.Join("; ", submitted.Reasons.Select(r => r.Code)));
    }

    private Task AsAsync(string userName, Func<IServiceProvider, Task> work) => DemoActor.AsAsync(scopes, accessor, userName, work);

    private static PartyInput Organisation(string name, string representative)
        => new()
        {
            Kind = "LegalPerson", Name = name, LegalRepresentative = representative,
            Address = $"永兴县便江镇{Streets[StableNumber(name) % Streets.Length]} {StableNumber(name) % 197 + 1} 号",
            CreditCode = IdentityCodes.CompleteCreditCode("91431023MA4" + StableNumber(name).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
        };

    /// <summary>The same six digits for the same name on every start, so the demo's codes never change.</summary>
    private static int StableNumber(string name) => name.Aggregate(17, (h, ch) => (h * 31 + ch) % 1_000_000);

    private static PartyInput Person(string name)
        => new() { Kind = "NaturalPerson", Name = name, IdNumber = IdentityCodes.CompleteIdCardNumber("43102319620305" + (name.Length * 37 % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), Address = "永兴县便江镇" };

    private static Task<Case> OpenAsync(IServiceProvider s, string category, string? procedure, string matterCode, string title, (string Name, string Representative) party, params string[] officers)
        => OpenAsync(s, category, procedure, matterCode, title, Organisation(party.Name, party.Representative), officers);

    /// <summary>Opens a case; "{0}" in the title is the party's short name.</summary>
    private static async Task<Case> OpenAsync(IServiceProvider s, string category, string? procedure, string matterCode, string title, PartyInput party, params string[] officers)
    {
        var db = s.GetRequiredService<AppDbContext>();
        var me = s.GetRequiredService<Infrastructure.CurrentUser>();
        var agencyId = me.AgencyId!.Value;
        if (officers.Length == 0) officers = ["张伟", "李娜"];
        var input = new CaseOpenInput
        {
            Category = category, Procedure = procedure, Title = string.Format(System.Globalization.CultureInfo.InvariantCulture, title, party.Name!.Replace("永兴县", "", StringComparison.Ordinal)),
            Place = party.Address,
            MatterId = await db.Matters.Where(m => m.AgencyId == agencyId && m.Code == matterCode).Select(m => m.Id).SingleAsync(),
            ActEndedOn = category == "Penalty" ? DateOnly.FromDateTime(Now).AddDays(-20) : null,
            Parties = [party],
            OfficerIds = await db.Officers.Where(o => o.AgencyId == agencyId && officers.Contains(o.Name)).Select(o => o.Id).ToListAsync(),
        };
        input.Facts = input.Title + "。";
        return await s.GetRequiredService<CaseService>().OpenAsync(agencyId, input);
    }

    /// <summary>Moves the demo case as the acting account; the demo never shows what the rules would refuse, so a refusal stops the seeding.</summary>
    private static async Task MoveAsync(IServiceProvider s, Case c, string step, string place)
    {
        var moved = await s.GetRequiredService<CaseStepService>().MoveAsync(c, new StepMoveInput(step, place, ""));
        if (!moved.Succeeded) throw new InvalidOperationException($"demo case {c.Id} → {step}: " + string.Join("; ", moved.Reasons.Select(r => r.Code + " " + r.Message)));
    }

    private static Task PhotoAsync(IServiceProvider s, Case c, string step, string proves, string collector)
        => RecordAsync(s, c, step, "Photo", proves, collector);

    /// <summary>Registers the demo photo (EXIF time and GPS) or video (movie header time) as taken 26 hours ago.</summary>
    private static async Task RecordAsync(IServiceProvider s, Case c, string step, string kind, string proves, string collector)
    {
        var db = s.GetRequiredService<AppDbContext>();
        var officer = await db.Officers.Where(o => o.AgencyId == c.AgencyId && o.Name == collector).Select(o => o.Id).SingleAsync();
        var takenUtc = Now.AddHours(-26);
        var taken = Infrastructure.Display.ToChina(takenUtc);
        var input = new RecordInput
        {
            Kind = kind, Step = step, StartedAt = taken.AddMinutes(-5), EndedAt = taken.AddMinutes(20), Place = c.Place,
            CollectorOfficerId = officer, Proves = proves, DeviceNumber = "DSJ-" + collector.Length.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        };
        var video = kind == "Video";
        using var file = new MemoryStream(video ? DemoMedia.VideoWithCreationTime(takenUtc) : DemoMedia.PhotoWithExif(taken));
        await s.GetRequiredService<RecordService>().RegisterStreamAsync(c, input, file, proves + (video ? ".mp4" : ".jpg"), video ? "video/mp4" : "image/jpeg");
    }

    /// <summary>The proposed penalty and its 事先告知书, made and served now, so that the case awaits the statement.</summary>
    private static async Task<Domain.Decisions.Notice> NoticeServedAsync(IServiceProvider s, Case c, bool suspend)
    {
        await s.GetRequiredService<Decisions.ProposalService>().SaveAsync(c, new Decisions.ProposalInput
        {
            Outcome = "Penalty", PenaltyKinds = suspend ? ["SuspendBusiness", "Fine"] : ["Warning", "Fine"], FineYuan = 3000m,
            Content = suspend ? "责令停业整顿，并处罚款人民币叁仟元整。" : "警告，并处罚款人民币叁仟元整。",
            ViolatedProvisions = "《公共场所卫生管理条例》第八条、《公共场所卫生管理条例实施细则》第二十二条第二款",
            // 停业整顿 is given by the 条例's 罚则, the amount of the fine by the 细则's (which sets the 条例's range).
            PenaltyBasis = suspend ? "《公共场所卫生管理条例》第十四条第一款第四项、《公共场所卫生管理条例实施细则》第三十五条第一款" : "《公共场所卫生管理条例实施细则》第三十五条第一款",
            EvidenceReason = "现场笔录、询问笔录和现场照片相互印证。",
            BasisReason = suspend
                ? "未取得卫生许可证擅自营业，经责令改正仍继续营业，依《公共场所卫生管理条例》第十四条第一款第四项责令停业整顿，并依实施细则第三十五条第一款处以罚款。"
                : "未取得卫生许可证擅自营业，违反《公共场所卫生管理条例》第八条和实施细则第二十二条第二款，依实施细则第三十五条第一款处罚。",
            DiscretionReason = suspend ? "经责令改正后仍继续营业，情节较重。" : "经营时间较短，首次被查处，按一般情节处罚。",
            OutsideRangeReason = suspend ? "经责令改正拒不改正，依法责令停业整顿" : null,
        });
        var notices = s.GetRequiredService<Decisions.NoticeService>();
        var notice = await notices.CreateAsync(c, new Decisions.NoticeInput());
        await notices.ServeAsync(c, notice, new Decisions.ServiceInput(DateTime.UtcNow, "直接送达"));
        return notice;
    }

    /// <summary>Generates a document; a 笔录 is signed by the person it records, as on site (REC-3).</summary>
    private static async Task<Domain.Documents.CaseDocument> DocumentAsync(IServiceProvider s, Case c, string type, Dictionary<string, string?> fields)
    {
        var documents = s.GetRequiredService<DocumentService>();
        var doc = await documents.GenerateAsync(c, new GenerateInput(type, fields));
        if (Domain.Documents.DocumentTypes.PartySignedRecords.Contains(type))
            await documents.RecordSignatureAsync(doc, new SignatureInput(false, "经营者", DateTime.UtcNow, null, null));
        return doc;
    }

    private static string Local(int hours) => Infrastructure.Display.ToChina(Now.AddHours(hours)).ToString("yyyy年M月d日 H时mm分", System.Globalization.CultureInfo.InvariantCulture);
}

using Microsoft.AspNetCore.Identity;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;

namespace Zhifa.Web.Features.Demo;

/// <summary>
/// A realistic starting point for a newcomer: a city judicial bureau supervising a county health commission and a
/// county emergency management bureau, their officers and certificates, their matters and one account per role.
/// Dates are relative to today so that the expiring and expired certificates stay so.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time, DemoCases cases, DemoPreDisclosure preDisclosure)
{
    public const string Password = "Zhifa@2026";

    public static readonly IReadOnlyList<(string User, string Label)> Accounts =
    [
        ("admin", "系统管理员（全平台）"),
        ("handler", "承办人 · 永兴县卫生健康局 张伟"),
        ("handler2", "承办人 · 永兴县卫生健康局 李娜"),
        ("unithead", "股室负责人 · 永兴县卫生健康局 公共卫生监督股"),
        ("reviewer", "法制审核人员 · 永兴县卫生健康局 法监股"),
        ("deputy", "分管领导 · 永兴县卫生健康局"),
        ("head", "主要负责人 · 永兴县卫生健康局"),
        ("publicity", "公示管理员 · 永兴县卫生健康局"),
        ("archivist", "档案管理员 · 永兴县卫生健康局"),
        ("supervisor", "监督人员 · 郴州市司法局（监督下级执法主体）"),
        ("yj.handler", "承办人 · 永兴县应急管理局"),
        ("yj.head", "主要负责人 · 永兴县应急管理局"),
        ("yj.admin", "系统管理员 · 永兴县应急管理局"),
    ];

    public async Task SeedAsync()
    {
        var today = DateOnly.FromDateTime(Infrastructure.Display.ToChina(time.GetUtcNow().UtcDateTime));

        var city = new Agency
        {
            Name = "郴州市司法局", ShortName = "郴司", Type = AgencyType.AdministrativeOrgan, Level = AgencyLevel.City,
            CreditCode = IdentityCodes.CompleteCreditCode("11431000MB1739045"), Address = "湖南省郴州市北湖区人民西路 8 号",
            Contact = "0735-2222001", Units = [new Unit { Name = "行政执法协调监督科", IsLegalReviewUnit = true }],
            // 行政复议法第二十八条 lets the party choose the 本级人民政府 or the provincial 司法厅; the demo names the former.
            ReconsiderationOrgan = "郴州市人民政府", CompetentCourt = "郴州市北湖区人民法院",
        };
        db.Agencies.Add(city);
        await db.SaveChangesAsync();

        var health = new Agency
        {
            ParentId = city.Id, Name = "永兴县卫生健康局", ShortName = "永卫", Type = AgencyType.AdministrativeOrgan, Level = AgencyLevel.County,
            CreditCode = IdentityCodes.CompleteCreditCode("11431023MB1C55826"), Address = "湖南省郴州市永兴县便江街道银都大道 16 号",
            Contact = "0735-5522110",
            // 行政复议法第二十四条第一款第一项: a county department is reviewed by the county government; 行政诉讼法第十八条、第十四条.
            ReconsiderationOrgan = "永兴县人民政府", CompetentCourt = "永兴县人民法院",
            Units =
            [
                new Unit { Name = "公共卫生监督股" },
                new Unit { Name = "医疗卫生监督股" },
                new Unit { Name = "法监股", IsLegalReviewUnit = true },
            ],
        };
        var safety = new Agency
        {
            ParentId = city.Id, Name = "永兴县应急管理局", ShortName = "永应急", Type = AgencyType.AdministrativeOrgan, Level = AgencyLevel.County,
            CreditCode = IdentityCodes.CompleteCreditCode("11431023MB1D6017X"), Address = "湖南省郴州市永兴县便江街道解放路 35 号",
            Contact = "0735-5523119", ReconsiderationOrgan = "永兴县人民政府", CompetentCourt = "永兴县人民法院",
            Units = [new Unit { Name = "安全生产执法大队" }, new Unit { Name = "政策法规股", IsLegalReviewUnit = true }],
        };
        db.Agencies.AddRange(health, safety);
        await db.SaveChangesAsync();

        var (pub, med, legal) = (health.Units[0], health.Units[1], health.Units[2]);
        var officers = new List<Officer>
        {
            OfficerOf(health, pub, "张伟", "监督员", "43102301001", today.AddYears(-2), today.AddYears(3), "卫生健康,公共场所卫生"),
            OfficerOf(health, pub, "李娜", "监督员", "43102301002", today.AddYears(-1), today.AddYears(4), "卫生健康,生活饮用水卫生"),
            OfficerOf(health, pub, "王强", "股长", "43102301003", today.AddYears(-3), today.AddYears(2), "卫生健康,公共场所卫生"),
            OfficerOf(health, med, "刘洋", "监督员", "43102301004", today.AddYears(-4), today.AddDays(18), "卫生健康,医疗卫生"),
            OfficerOf(health, med, "陈静", "监督员", "43102301005", today.AddYears(-5), today.AddDays(-40), "卫生健康,医疗卫生"),
            OfficerOf(health, med, "杨帆", "监督员", "43102301006", today.AddYears(-2), today.AddYears(3), "卫生健康,传染病防治"),
            OfficerOf(health, legal, "赵敏", "法监股股长", "43102301007", today.AddYears(-2), today.AddYears(3), "卫生健康", legalReviewer: true, qualified: true),
            OfficerOf(health, med, "黄磊", "监督员", "43102301008", today.AddYears(-3), today.AddYears(2), "卫生健康,职业卫生", state: CertificateState.Revoked),
            OfficerOf(health, null, "周涛", "副局长", "43102301009", today.AddYears(-1), today.AddYears(4), "卫生健康"),
            OfficerOf(safety, safety.Units[0], "吴刚", "大队长", "43102302001", today.AddYears(-2), today.AddYears(3), "安全生产"),
            OfficerOf(safety, safety.Units[0], "郑凯", "执法队员", "43102302002", today.AddYears(-1), today.AddYears(4), "安全生产"),
            OfficerOf(safety, safety.Units[0], "孙丽", "执法队员", "43102302003", today.AddYears(-2), today.AddYears(3), "安全生产,危险化学品"),
            OfficerOf(safety, safety.Units[1], "马超", "股长", "43102302004", today.AddYears(-3), today.AddYears(2), "安全生产"),
            OfficerOf(city, city.Units[0], "林芳", "科长", "43100001001", today.AddYears(-2), today.AddYears(3), "行政执法监督", legalReviewer: true, qualified: true),
        };
        officers[0].Trainings.Add(new TrainingRecord { Date = today.AddMonths(-5), Title = "《行政处罚法》专题培训", Hours = 8, Result = "合格" });
        officers[6].Trainings.Add(new TrainingRecord { Date = today.AddMonths(-3), Title = "重大执法决定法制审核业务培训", Hours = 16, Result = "合格" });
        db.Officers.AddRange(officers);

        db.Matters.AddRange(HealthMatters(health, pub, med));
        db.Matters.AddRange(SafetyMatters(safety));
        db.Matters.Add(new Matter
        {
            AgencyId = city.Id, Code = "110917001000", Name = "对律师同时在两个以上律师事务所执业的行政处罚", Category = MatterCategory.Penalty,
            ResponsibleUnitId = city.Units[0].Id,
            Bases = [new LegalBasis { Law = "中华人民共和国律师法", Article = "第四十七条第一项", Text = "律师有下列行为之一的，由设区的市级或者直辖市的区人民政府司法行政部门给予警告，可以处五千元以下的罚款；有违法所得的，没收违法所得；情节严重的，给予停止执业三个月以下的处罚：（一）同时在两个以上律师事务所执业的……" }],
        });
        await db.SaveChangesAsync();

        await AccountAsync("admin", "系统管理员", null, null, Roles.Administrator);
        await AccountAsync("handler", "张伟", health, officers[0], Roles.Handler);
        await AccountAsync("handler2", "李娜", health, officers[1], Roles.Handler);
        await AccountAsync("unithead", "王强", health, officers[2], Roles.UnitHead, Roles.Handler);
        await AccountAsync("reviewer", "赵敏", health, officers[6], Roles.LegalReviewer);
        await AccountAsync("deputy", "周涛", health, officers[8], Roles.DeputyHead);
        await AccountAsync("head", "李建国", health, null, Roles.Head);
        await AccountAsync("publicity", "何晓", health, null, Roles.PublicityOfficer);
        await AccountAsync("archivist", "唐文", health, null, Roles.Archivist);
        await AccountAsync("supervisor", "林芳", city, officers[13], Roles.Supervisor);
        await AccountAsync("yj.handler", "吴刚", safety, officers[9], Roles.Handler);
        await AccountAsync("yj.head", "刘明", safety, null, Roles.Head);
        await AccountAsync("yj.admin", "马超", safety, officers[12], Roles.Administrator);
        await preDisclosure.SeedAsync(health.Id);
        await DemoBenchmarks.SeedAsync(db, time);
        await cases.SeedAsync();
    }

    private static Officer OfficerOf(Agency agency, Unit? unit, string name, string position, string number, DateOnly from, DateOnly until,
        string domains, bool legalReviewer = false, bool qualified = false, CertificateState state = CertificateState.Active)
        => new()
        {
            AgencyId = agency.Id, UnitId = unit?.Id, Name = name, Position = position,
            IsLegalReviewer = legalReviewer, HasLegalQualification = qualified,
            Certificates =
            [
                new Certificate
                {
                    Number = number, Issuer = "湖南省人民政府", ValidFrom = from, ValidUntil = until, Domains = domains, State = state,
                    StateReason = state == CertificateState.Revoked ? "调离执法岗位" : "",
                },
            ],
        };

    private static IEnumerable<Matter> HealthMatters(Agency health, Unit pub, Unit med) =>
    [
        new Matter
        {
            AgencyId = health.Id, Code = "330217001000", Name = "对公共场所未取得卫生许可证擅自营业的行政处罚", Category = MatterCategory.Penalty,
            ResponsibleUnitId = pub.Id, RandomInspection = false,
            Bases =
            [
                new LegalBasis { Law = "公共场所卫生管理条例实施细则", Article = "第三十五条", Text = "对未依法取得公共场所卫生许可证擅自营业的，由县级以上地方人民政府卫生计生行政部门责令限期改正，给予警告，并处以五百元以上五千元以下罚款；有下列情形之一的，处以五千元以上三万元以下罚款：（一）擅自营业曾受过卫生计生行政部门处罚的；（二）擅自营业时间在三个月以上的；（三）以涂改、转让、倒卖、伪造的卫生许可证擅自营业的……" },
            ],
        },
        new Matter
        {
            AgencyId = health.Id, Code = "330217002000", Name = "对公共场所经营者未按规定对公共场所的空气、微小气候、水质、采光、照明、噪声、顾客用品用具等进行卫生检测的行政处罚",
            Category = MatterCategory.Penalty, ResponsibleUnitId = pub.Id,
            Bases =
            [
                new LegalBasis { Law = "公共场所卫生管理条例实施细则", Article = "第三十六条第一项", Text = "公共场所经营者有下列情形之一的，由县级以上地方人民政府卫生计生行政部门责令限期改正，给予警告，并可处以二千元以下罚款……" },
            ],
        },
        new Matter
        {
            AgencyId = health.Id, Code = "330217003000", Name = "对医疗机构使用非卫生技术人员从事医疗卫生技术工作的行政处罚", Category = MatterCategory.Penalty,
            ResponsibleUnitId = med.Id,
            Bases =
            [
                new LegalBasis { Law = "医疗机构管理条例", Article = "第四十七条", Text = "违反本条例第二十七条规定，诊疗活动超出登记或者备案范围的，由县级以上人民政府卫生行政部门予以警告、责令其改正，没收违法所得……" },
                new LegalBasis { Law = "中华人民共和国医师法", Article = "第五十九条", Text = "违反本法规定，非医师行医的，由县级以上人民政府卫生健康主管部门责令停止非法执业活动，没收违法所得和药品、医疗器械，并处违法所得二倍以上十倍以下的罚款……" },
            ],
        },
        new Matter
        {
            AgencyId = health.Id, Code = "330617001000", Name = "公共场所卫生监督检查", Category = MatterCategory.Inspection, ResponsibleUnitId = pub.Id, RandomInspection = true,
            Bases = [new LegalBasis { Law = "公共场所卫生管理条例", Article = "第十条", Text = "各级卫生防疫机构，负责管辖范围内的公共场所卫生监督工作。" }],
        },
        new Matter
        {
            AgencyId = health.Id, Code = "330117001000", Name = "公共场所卫生许可", Category = MatterCategory.Licensing, ResponsibleUnitId = pub.Id,
            Bases = [new LegalBasis { Law = "公共场所卫生管理条例", Article = "第八条", Text = "除公园、体育场（馆）、公共交通工具外的公共场所，经营单位应当及时向卫生行政部门申请办理“卫生许可证”。" }],
        },
        new Matter
        {
            AgencyId = health.Id, Code = "330717001000", Name = "农村部分计划生育家庭奖励扶助对象资格确认", Category = MatterCategory.Confirmation, ResponsibleUnitId = pub.Id,
            Bases = [new LegalBasis { Law = "中华人民共和国人口与计划生育法", Article = "第三十一条", Text = "在国家提倡一对夫妻生育一个子女期间，按照规定应当享受计划生育家庭老年人奖励扶助的，继续享受相关奖励扶助……" }],
        },
    ];

    private static IEnumerable<Matter> SafetyMatters(Agency safety) =>
    [
        new Matter
        {
            AgencyId = safety.Id, Code = "331017001000", Name = "对生产经营单位未按照规定对从业人员进行安全生产教育和培训的行政处罚", Category = MatterCategory.Penalty,
            ResponsibleUnitId = safety.Units[0].Id,
            Bases = [new LegalBasis { Law = "中华人民共和国安全生产法", Article = "第九十七条第三项", Text = "生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款……" }],
        },
        new Matter
        {
            AgencyId = safety.Id, Code = "331217001000", Name = "对存在重大事故隐患的生产经营单位的查封、扣押", Category = MatterCategory.Coercion,
            ResponsibleUnitId = safety.Units[0].Id,
            Bases = [new LegalBasis { Law = "中华人民共和国安全生产法", Article = "第六十五条第一款第四项", Text = "对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押……" }],
        },
        new Matter
        {
            AgencyId = safety.Id, Code = "331517001000", Name = "突发事件应急处置中征用单位和个人的财产", Category = MatterCategory.Expropriation, ResponsibleUnitId = safety.Units[0].Id,
            Bases = [new LegalBasis { Law = "中华人民共和国突发事件应对法", Article = "第十二条", Text = "县级以上人民政府及其部门为应对突发事件的紧急需要，可以征用单位和个人的设备、设施、场地、交通工具等财产。被征用的财产在使用完毕或者突发事件应急处置工作结束后，应当及时返还……" }],
        },
        new Matter
        {
            AgencyId = safety.Id, Code = "331617001000", Name = "安全生产监督检查", Category = MatterCategory.Inspection, ResponsibleUnitId = safety.Units[0].Id, RandomInspection = true,
            Bases = [new LegalBasis { Law = "中华人民共和国安全生产法", Article = "第六十五条", Text = "应急管理部门和其他负有安全生产监督管理职责的部门依法开展安全生产行政执法工作，对生产经营单位执行有关安全生产的法律、法规和国家标准或者行业标准的情况进行监督检查……" }],
        },
    ];

    private async Task AccountAsync(string userName, string displayName, Agency? agency, Officer? officer, params string[] roles)
    {
        var user = new AppUser
        {
            UserName = userName, DisplayName = displayName, AgencyId = agency?.Id, OfficerId = officer?.Id,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
    }
}

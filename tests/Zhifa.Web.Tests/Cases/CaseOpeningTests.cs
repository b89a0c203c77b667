using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Cases.CaseTestData;

namespace Zhifa.Web.Tests.Cases;

/// <summary>REC-1: opening cases through the API and the page, the refusals and the case numbers.</summary>
public sealed class CaseOpeningTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private Task<int> CaseCountAsync() => app.WithDbAsync(db => db.Cases.CountAsync());

    private static async Task<(string[] Fields, string Body)> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        return (fields, body);
    }

    [Fact]
    public async Task A_handler_opens_a_penalty_case_through_the_API_and_gets_the_agencys_number()
    {
        var api = await app.ApiClientAsync("handler");
        var c = await api.OpenAsync(await app.PenaltyBodyAsync());

        Assert.Matches(@"^永卫罚〔\d{4}〕\d+号$", c.GetProperty("number").GetString());
        Assert.Equal($"〔{Today.Year}〕", c.GetProperty("number").GetString()![3..9]);
        Assert.Equal("普通程序", c.GetProperty("procedureLabel").GetString());
        Assert.Equal("filed", c.GetProperty("step").GetString());
        Assert.Equal("立案", c.GetProperty("stepLabel").GetString());
        Assert.Equal(["张伟", "李娜"], c.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.All(c.GetProperty("officers").EnumerateArray(), o => Assert.Equal("有效", o.GetProperty("certificateStatusLabel").GetString()));
        Assert.Single(c.GetProperty("history").EnumerateArray());
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.GetProperty("id").GetInt32()}");
        Assert.Equal(c.GetProperty("number").GetString(), read.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Opening_with_one_officer_is_refused_and_names_officerIds()
    {
        var api = await app.ApiClientAsync("handler");
        var (fields, body) = await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync(officers: ["张伟"])));
        Assert.Equal(["officerIds"], fields);
        Assert.Contains("执法人员不得少于两人", body);
    }

    [Fact]
    public async Task Officers_with_an_expired_or_revoked_certificate_are_each_named()
    {
        var api = await app.ApiClientAsync("handler");
        var (fields, body) = await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync(officers: ["张伟", "陈静", "黄磊"])));
        Assert.All(fields, f => Assert.Equal("officerIds", f));
        Assert.Contains("陈静的执法证已过期", body);
        Assert.Contains("黄磊的执法证已注销", body);
        Assert.DoesNotContain("张伟的执法证", body);
    }

    [Fact]
    public async Task A_wrong_ID_check_digit_is_refused_naming_the_party_field()
    {
        var api = await app.ApiClientAsync("handler");
        var (fields, body) = await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync(idNumber: WrongCheckDigit(NewIdNumber()))));
        Assert.Equal(["parties[0].idNumber"], fields);
        Assert.Contains("校验码错误", body);
    }

    [Fact]
    public async Task A_matter_of_another_category_is_refused()
    {
        var api = await app.ApiClientAsync("handler");
        var (fields, body) = await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync(matterCode: InspectionMatter)));
        Assert.Equal(["matterId"], fields);
        Assert.Contains("不能用于行政处罚案件", body);
    }

    [Fact]
    public async Task LAW2_an_act_that_ended_more_than_two_years_ago_is_not_filed_for_a_penalty()
    {
        var api = await app.ApiClientAsync("handler");
        var (fields, body) = await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync(actEndedOn: Today.AddYears(-2).AddDays(-1))));
        Assert.Equal(["actEndedOn"], fields);
        Assert.Contains("第三十六条", body);
    }

    [Fact]
    public async Task A_refused_opening_saves_nothing_and_consumes_no_number()
    {
        var api = await app.ApiClientAsync("handler");
        var first = await api.OpenAsync(await app.PenaltyBodyAsync());
        int before = await CaseCountAsync();
        int parties = await app.WithDbAsync(db => db.Parties.CountAsync());

        var body = await app.PenaltyBodyAsync(officers: ["张伟", "陈静"]);
        await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", body));
        Assert.Equal(before, await CaseCountAsync());
        Assert.Equal(parties, await app.WithDbAsync(db => db.Parties.CountAsync()));

        var next = await api.OpenAsync(await app.PenaltyBodyAsync());
        Assert.Equal(first.GetProperty("number").GetString()!.Replace($"〕{Seq(first)}号", $"〕{Seq(first) + 1}号", StringComparison.Ordinal),
            next.GetProperty("number").GetString());
    }

    private static int Seq(JsonElement c)
    {
        var n = c.GetProperty("number").GetString()!;
        return int.Parse(n[(n.IndexOf('〕', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_same_person_in_two_cases_is_one_party_whose_page_lists_both()
    {
        var api = await app.ApiClientAsync("handler");
        var id = NewIdNumber();
        var a = await api.OpenAsync(await app.PenaltyBodyAsync(idNumber: id));
        var b = await api.OpenAsync(await app.PenaltyBodyAsync(idNumber: id, matterCode: OtherPenaltyMatter));
        int partyId = a.GetProperty("parties")[0].GetProperty("id").GetInt32();
        Assert.Equal(partyId, b.GetProperty("parties")[0].GetProperty("id").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Parties.CountAsync(p => p.IdNumber == id)));

        var party = await api.GetFromJsonAsync<JsonElement>($"/api/v1/parties/{partyId}");
        var numbers = party.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetString()).ToList();
        Assert.Equal([b.GetProperty("number").GetString(), a.GetProperty("number").GetString()], numbers);

        var page = await (await app.SignInAsync("handler")).GetStringAsync($"/parties/{partyId}");
        Assert.Contains(a.GetProperty("number").GetString()!, page);
        Assert.Contains(b.GetProperty("number").GetString()!, page);

        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/parties?q={id}");
        Assert.Equal(partyId, Assert.Single(found.EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task LAW2_a_second_penalty_case_for_the_same_act_is_refused()
    {
        var api = await app.ApiClientAsync("handler");
        var id = NewIdNumber();
        var first = await api.OpenAsync(await app.PenaltyBodyAsync(idNumber: id));
        var (fields, body) = await RefusedAsync(await api.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync(idNumber: id)));
        Assert.Equal(["parties"], fields);
        Assert.Contains(first.GetProperty("number").GetString()!, body);
    }

    [Fact]
    public async Task ID_numbers_are_shown_in_full_to_the_cases_handlers_and_masked_to_other_readers()
    {
        var api = await app.ApiClientAsync("handler");
        var id = NewIdNumber();
        // handler2 (李娜) is of the same agency but not among this case's officers.
        var c = await api.OpenAsync(await app.PenaltyBodyAsync(idNumber: id, officers: ["张伟", "王强"]));
        int caseId = c.GetProperty("id").GetInt32();
        Assert.Equal(id, c.GetProperty("parties")[0].GetProperty("idNumber").GetString());

        var other = await app.ApiClientAsync("handler2");
        var seen = await other.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(id[..4] + "**********" + id[^4..], seen.GetProperty("parties")[0].GetProperty("idNumber").GetString());
        var page = await (await app.SignInAsync("handler2")).GetStringAsync($"/cases/{caseId}");
        Assert.DoesNotContain(id, page);
        Assert.Contains(c.GetProperty("number").GetString()!, page);
    }

    [Fact]
    public async Task Another_agency_gets_404_for_the_case_and_its_party()
    {
        var api = await app.ApiClientAsync("handler");
        var c = await api.OpenAsync(await app.PenaltyBodyAsync());
        int caseId = c.GetProperty("id").GetInt32(), partyId = c.GetProperty("parties")[0].GetProperty("id").GetInt32();

        var yj = await app.ApiClientAsync("yj.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await yj.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yj.GetAsync($"/api/v1/parties/{partyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yj.PostAsJsonAsync($"/api/v1/cases/{caseId}/parties", new { kind = "自然人", name = "x" })).StatusCode);
        var list = await yj.GetStringAsync("/api/v1/cases");
        Assert.DoesNotContain(c.GetProperty("number").GetString()!, list);
        var yjPage = await app.SignInAsync("yj.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await yjPage.GetAsync($"/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yjPage.GetAsync($"/parties/{partyId}")).StatusCode);
    }

    [Fact]
    public async Task Readers_who_may_not_open_cases_are_refused_with_403()
    {
        var reviewer = await app.ApiClientAsync("reviewer");
        var response = await reviewer.PostAsJsonAsync("/api/v1/cases", await app.PenaltyBodyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await (await app.SignInAsync("reviewer")).GetAsync("/cases/new");
        Assert.Contains("/account/access-denied", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_party_is_added_to_an_open_case_and_an_organisation_needs_its_credit_code()
    {
        var api = await app.ApiClientAsync("handler");
        var c = await api.OpenAsync(await app.PenaltyBodyAsync());
        int caseId = c.GetProperty("id").GetInt32();

        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/parties", new { kind = "法人", name = "永兴某某酒店有限公司" });
        var (fields, _) = await RefusedAsync(refused);
        Assert.Equal(["creditCode", "legalRepresentative"], fields);

        var code = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4L" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var added = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/parties", new { kind = "法人", name = "永兴某某酒店有限公司", creditCode = code, legalRepresentative = "王某" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(2, read.GetProperty("parties").GetArrayLength());

        var again = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/parties", new { kind = "法人", name = "永兴某某酒店有限公司", creditCode = code, legalRepresentative = "王某" });
        await RefusedAsync(again);
    }

    [Fact]
    public async Task A_handler_opens_a_case_through_the_page_and_sees_it_in_the_list()
    {
        var web = await app.SignInAsync("handler");
        var form = await (await web.GetAsync("/cases/new")).Content.ReadAsStringAsync();
        Assert.Contains("陈静", form);
        var id = NewIdNumber();
        var fields = new Dictionary<string, string>
        {
            ["Input.Category"] = "Inspection",
            ["Input.MatterId"] = (await app.MatterIdAsync(InspectionMatter)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "公共场所卫生监督检查",
            ["Input.Place"] = "便江镇某宾馆",
            ["Input.OfficerIds"] = (await app.OfficerIdAsync("王强")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Parties[0].Kind"] = "IndividualBusiness",
            ["Input.Parties[0].Name"] = "便江某某宾馆",
            ["Input.Parties[0].IdNumber"] = id,
        };
        // Two officers are checkboxes of one name: the form posts the field twice.
        var content = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        content.Add(new("Input.OfficerIds", (await app.OfficerIdAsync("刘洋")).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        content.Add(new("__RequestVerificationToken", token));
        var response = await web.PostAsync("/cases/new", new FormUrlEncodedContent(content));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await web.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("永卫检〔", detail);
        Assert.Contains("便江某某宾馆", detail);
        Assert.Contains("刘洋", detail);
        Assert.Contains("检查启动", detail);
        var list = await web.GetStringAsync("/cases?category=Inspection");
        Assert.Contains("便江某某宾馆", list);
        Assert.DoesNotContain("罚〔", list);
    }

    [Fact]
    public async Task The_page_refuses_a_wrong_ID_number_and_one_officer_with_Chinese_messages_and_keeps_the_input()
    {
        var web = await app.SignInAsync("handler");
        var response = await ZhifaFactory.PostFormAsync(web, "/cases/new", new()
        {
            ["Input.Category"] = "Penalty",
            ["Input.Procedure"] = "General",
            ["Input.MatterId"] = (await app.MatterIdAsync(PenaltyMatter)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "擅自营业",
            ["Input.ActEndedOn"] = Iso(Today.AddDays(-3)),
            ["Input.OfficerIds"] = (await app.OfficerIdAsync("张伟")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Parties[0].Kind"] = "NaturalPerson",
            ["Input.Parties[0].Name"] = "赵某",
            ["Input.Parties[0].IdNumber"] = WrongCheckDigit(NewIdNumber()),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("当事人 1：居民身份证号码有误", html);
        Assert.Contains("执法人员不得少于两人", html);
        Assert.Contains("value=\"赵某\"", html);
    }

    [Fact]
    public async Task The_list_filters_by_party_category_officer_and_year_and_pages_newest_first()
    {
        var api = await app.ApiClientAsync("handler");
        var id = NewIdNumber();
        var a = await api.OpenAsync(await app.PenaltyBodyAsync(idNumber: id));
        var b = await api.OpenAsync(await app.PenaltyBodyAsync(idNumber: id, matterCode: OtherPenaltyMatter, officers: ["杨帆", "周涛"]));

        var byParty = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={id}");
        Assert.Equal([b.GetProperty("id").GetInt32(), a.GetProperty("id").GetInt32()],
            byParty.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));

        int yang = await app.OfficerIdAsync("杨帆");
        var byOfficer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={id}&officerId={yang}&category=处罚&year={Today.Year}&step=filed");
        Assert.Equal(b.GetProperty("id").GetInt32(), Assert.Single(byOfficer.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var lastYear = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={id}&year={Today.Year - 1}");
        Assert.Equal(0, lastYear.GetProperty("items").GetArrayLength());

        var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={id}&pageSize=1");
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        int next = first.GetProperty("nextBefore").GetInt32();
        var second = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={id}&pageSize=1&before={next}");
        Assert.Equal(a.GetProperty("id").GetInt32(), Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        var pageTwo = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={id}&pageSize=1&page=2");
        Assert.Equal(a.GetProperty("id").GetInt32(), Assert.Single(pageTwo.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());

        var bad = await api.GetAsync("/api/v1/cases?pageSize=500&category=什么");
        var (_, fields, _) = await bad.ReadProblemAsync();
        Assert.Equal(["category", "pageSize"], fields);
    }

    [Fact]
    public async Task The_deployment_administrator_first_picks_the_agency_and_then_sees_its_officers()
    {
        var admin = await app.SignInAsync("admin");
        var choose = await admin.GetStringAsync("/cases/new");
        Assert.Contains("请选择立案的执法主体", choose);
        var form = await admin.GetStringAsync($"/cases/new?agencyId={await app.AgencyIdAsync()}");
        Assert.Contains("张伟", form);
        Assert.Contains("data-testid=\"case-form\"", form);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Documents;

/// <summary>Cases with a party and two officers, and .docx files made in the test with the OpenXML SDK.</summary>
public static class DocumentTestData
{
    public const string Health = "永兴县卫生健康局";
    public const string PartyName = "永兴县便江镇康宁诊所";

    public sealed record TestCase(int Id, int AgencyId, string Number, IReadOnlyList<string> OfficerNames, IReadOnlyList<string> CertificateNumbers);

    public static Task<TestCase> CreateCaseAsync(ZhifaFactory app, string agencyName = Health)
        => app.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Name == agencyName);
            return await CreateCaseAsync(db, agency.Id);
        });

    /// <summary>A penalty case of the agency with one organisation as party and the agency's first two officers.</summary>
    public static async Task<TestCase> CreateCaseAsync(Zhifa.Data.AppDbContext db, int agencyId)
    {
        var matter = await db.Matters.FirstAsync(m => m.AgencyId == agencyId);
        int seq = Random.Shared.Next(100_000, 999_999);
        var party = new Party { AgencyId = agencyId, Kind = PartyKind.LegalPerson, Name = PartyName, CreditCode = "", Address = "永兴县便江镇解放路 8 号", LegalRepresentative = "李明" };
        db.Parties.Add(party);
        var c = new Case
        {
            AgencyId = agencyId, MatterId = matter.Id, Category = CaseCategory.Penalty, Procedure = CaseProcedure.General,
            Number = $"文测〔2026〕{seq}号", Year = 2026, Sequence = seq, Title = "未取得医疗机构执业许可证擅自执业案",
            Facts = "当事人未取得《医疗机构执业许可证》擅自开展诊疗活动。", Place = "永兴县便江镇解放路 8 号", Step = CaseSteps.Filed,
            OpenedAt = DateTime.UtcNow, OpenedBy = "test",
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        var handlerOfficer = await db.Users.Where(u => u.UserName == "handler").Select(u => u.OfficerId).SingleAsync();
        var officers = await db.Officers.Include(o => o.Certificates).Where(o => o.AgencyId == agencyId && o.Certificates.Count > 0)
            .OrderBy(o => o.Id != handlerOfficer).ThenBy(o => o.Id).Take(2).ToListAsync();
        db.CaseParties.Add(new CaseParty { CaseId = c.Id, PartyId = party.Id });
        foreach (var o in officers) db.CaseOfficers.Add(new CaseOfficer { CaseId = c.Id, OfficerId = o.Id, IsLead = o == officers[0] });
        await db.SaveChangesAsync();
        return new TestCase(c.Id, agencyId, c.Number, officers.Select(o => o.Name).ToList(), officers.Select(o => o.Certificates[0].Number).ToList());
    }

    public static object SiteRecordInput => new
    {
        typeCode = "site-record",
        fields = new Dictionary<string, string> { ["时间"] = "2026年3月2日 10时00分至10时40分", ["地点"] = "康宁诊所诊疗室", ["内容"] = "现场有一名患者正在输液。\n诊所未悬挂执业许可证。" },
    };

    public static async Task<JsonElement> GenerateAsync(HttpClient client, int caseId, object input)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", input);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A 笔录 generated and signed by the party on the spot, as a decision or a review of its case needs (REC-3).</summary>
    public static async Task<JsonElement> GenerateSignedAsync(HttpClient client, int caseId, object input)
    {
        var doc = await GenerateAsync(client, caseId, input);
        var signed = await client.PostAsJsonAsync($"/api/v1/documents/{doc.GetProperty("id").GetInt32()}/signature",
            new { refused = false, signedBy = "李明", signedAt = DateTime.UtcNow.AddMinutes(-5) });
        Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
        return doc;
    }

    /// <summary>The text of a .docx, paragraph by paragraph, read with the OpenXML SDK.</summary>
    public static string TextOf(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>A .docx whose paragraphs are given as runs, the way Word splits text when it is edited.</summary>
    public static byte[] Docx(params string[][] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var runs in paragraphs)
            {
                var p = new Paragraph();
                for (int i = 0; i < runs.Length; i++)
                {
                    var run = new Run();
                    if (i == 0) run.Append(new RunProperties(new Bold()));
                    run.Append(new Text(runs[i]) { Space = SpaceProcessingModeValues.Preserve });
                    p.Append(run);
                }
                body.Append(p);
            }
            doc.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadTemplateAsync(HttpClient client, int agencyId, string typeCode, byte[] docx, string note = "测试版本")
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(docx), "file", "模板.docx" },
            { new StringContent(note), "note" },
        };
        return await client.PostAsync($"/api/v1/agencies/{agencyId}/document-templates/{typeCode}", form);
    }

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
}

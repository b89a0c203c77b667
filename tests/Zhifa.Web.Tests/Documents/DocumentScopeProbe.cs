using System.Globalization;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Documents;

/// <summary>A case of agency B with a generated document and its templates, for the scope test of the document routes.</summary>
public sealed class DocumentScopeProbe : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var c = await app.WithDbAsync(db => DocumentTestData.CreateCaseAsync(db, agencyBId));
        var client = await app.ApiClientAsync("handler");
        var doc = await DocumentTestData.GenerateAsync(client, c.Id, DocumentTestData.SiteRecordInput);
        return new Dictionary<string, string>
        {
            ["caseId"] = c.Id.ToString(CultureInfo.InvariantCulture),
            ["documentId"] = doc.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["templateId"] = doc.GetProperty("templateId").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["typeCode"] = "site-record",
        };
    }
}

using Zhifa.Domain.Documents;
using Zhifa.Web.Features.Documents;

namespace Zhifa.Web.Tests.Documents;

/// <summary>The built-in Word templates, head and body, use only placeholders the code fills.</summary>
public sealed class BuiltInTemplateTests
{
    private static readonly DocumentCaseData Data = new(
        "永兴县卫生健康局", "永卫罚〔2026〕12号", "未取得医疗机构执业许可证擅自执业案", "擅自开展诊疗活动。", "便江镇解放路 8 号",
        [new DocumentPartyInfo("康宁诊所", "", "91431023MA4L0000X1", "便江镇解放路 8 号", "李明")], [new DocumentOfficerInfo("张伟", "43100001")]);

    [Fact]
    public void Every_placeholder_of_every_built_in_word_template_is_filled_and_none_is_left()
    {
        foreach (var type in DocumentTypes.All)
        {
            var template = DocumentWord.BuildDefault(type);
            var map = DocumentRules.FillMap(type, Data, new Dictionary<string, string>(), "永卫罚告〔2026〕3号", new DateTime(2026, 3, 2));
            Assert.All(DocumentWord.ReadPlaceholders(template)!, p => Assert.True(map.ContainsKey(p), $"{type.Code}: {{{{{p}}}}}"));
            var text = DocumentWord.ReadText(DocumentWord.Fill(template, map));
            Assert.DoesNotContain("{{", text);
            Assert.StartsWith("永兴县卫生健康局\n" + type.Name + "\n" + (type.IsNumbered ? "永卫罚告〔2026〕3号" : "案号：永卫罚〔2026〕12号"), text);
        }
    }
}

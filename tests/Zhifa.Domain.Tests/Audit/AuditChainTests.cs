using Zhifa.Domain.Audit;

namespace Zhifa.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditRecord> Chain(int n)
    {
        var list = new List<AuditRecord>();
        string prev = AuditChain.GenesisHash;
        for (long i = 1; i <= n; i++)
        {
            var hash = AuditChain.ComputeHash(i, 1000 + i, "u", 1, "Officer.updated", "Officer", "7", "b", "a", "Name", prev);
            list.Add(new AuditRecord(i, 1000 + i, "u", 1, "Officer.updated", "Officer", "7", "b", "a", "Name", prev, hash));
            prev = hash;
        }
        return list;
    }

    [Fact]
    public void An_intact_chain_verifies() => Assert.Null(AuditChain.Verify(Chain(20), (20, Chain(20)[^1].Hash)));

    [Fact]
    public void An_edited_field_is_named_as_altered()
    {
        var c = Chain(10);
        c[3] = c[3] with { Actor = "other" };
        var p = AuditChain.Verify(c, null);
        Assert.Equal((4L, AuditProblemKind.Altered), (p!.Sequence, p.Kind));
    }

    [Fact]
    public void A_removed_entry_is_named_as_removed()
    {
        var c = Chain(10);
        c.RemoveAt(5);
        var p = AuditChain.Verify(c, null);
        Assert.Equal((6L, AuditProblemKind.Removed), (p!.Sequence, p.Kind));
    }

    [Fact]
    public void Swapped_entries_are_named_as_reordered()
    {
        var c = Chain(10);
        (c[4], c[5]) = (c[5] with { Sequence = 5 }, c[4] with { Sequence = 6 });
        var p = AuditChain.Verify(c, null);
        Assert.Equal((5L, AuditProblemKind.Reordered), (p!.Sequence, p.Kind));
    }

    [Fact]
    public void Entries_cut_from_the_end_are_caught_by_the_head()
    {
        var c = Chain(10);
        var head = (c[^1].Sequence, c[^1].Hash);
        var p = AuditChain.Verify(c.Take(8), head);
        Assert.Equal((9L, AuditProblemKind.Removed), (p!.Sequence, p.Kind));
    }

    [Fact]
    public void Fields_are_length_prefixed_so_moving_text_between_fields_changes_the_hash()
    {
        var a = AuditChain.ComputeHash(1, 1, "ab", 1, "c", "T", "1", null, null, "", AuditChain.GenesisHash);
        var b = AuditChain.ComputeHash(1, 1, "a", 1, "bc", "T", "1", null, null, "", AuditChain.GenesisHash);
        Assert.NotEqual(a, b);
    }
}

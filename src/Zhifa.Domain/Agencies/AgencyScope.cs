using Zhifa.Domain.Accounts;

namespace Zhifa.Domain.Agencies;

/// <summary>
/// Which agencies an account may see (ORG-4): its own; supervisors and administrators also every agency below it;
/// an administrator who belongs to no agency administers the whole deployment.
/// </summary>
public static class AgencyScope
{
    public static IReadOnlySet<int>? VisibleAgencies(int? ownAgencyId, IEnumerable<string> roles, IEnumerable<(int Id, int? ParentId)> agencies)
    {
        var roleSet = roles.ToHashSet(StringComparer.Ordinal);
        if (ownAgencyId is null)
            return roleSet.Contains(Roles.Administrator) ? null : new HashSet<int>();

        var visible = new HashSet<int> { ownAgencyId.Value };
        if (!roleSet.Contains(Roles.Supervisor) && !roleSet.Contains(Roles.Administrator)) return visible;

        var children = agencies.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id);
        var queue = new Queue<int>([ownAgencyId.Value]);
        while (queue.Count > 0)
        {
            foreach (var child in children[queue.Dequeue()])
            {
                if (visible.Add(child)) queue.Enqueue(child);
            }
        }
        return visible;
    }
}

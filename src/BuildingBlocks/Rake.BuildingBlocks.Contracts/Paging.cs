namespace Rake.BuildingBlocks.Contracts;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    public int Skip => (Math.Max(Page, 1) - 1) * PageSize;
}

using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>HYTETU nominations (reviewed yearly) and budget proposals for the yearly budget round.</summary>
internal sealed class RegistersHandler(WorkingGroupDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public async Task<IReadOnlyList<NominationDto>> NominationsAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        var today = Helsinki.Today(clock);
        var rows = await db.Nominations.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(n => n.Municipality, StringComparer.CurrentCulture).Select(n => ToDto(n, today)).ToList();
    }

    public async Task<NominationDto> NominateAsync(NominationRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.nominations"], WgRoles.Nominations);
        var errors = new ValidationErrors(texts);
        var municipality = errors.Text("municipality", request.Municipality, Limits.Name);
        var group = errors.Text("groupName", request.GroupName, Limits.Name);
        var member = errors.Text("memberName", request.MemberName, Limits.Name);
        var deputy = errors.Text("deputyName", request.DeputyName, Limits.Name, required: false);
        var decidedBy = errors.Text("decidedBy", request.DecidedBy, Limits.Name);
        var today = Helsinki.Today(clock);
        if (request.DecidedOn is null)
        {
            errors.AddText("decidedOn", "validation.required");
        }
        else if (request.DecidedOn > today)
        {
            errors.AddText("decidedOn", "wg.validation.notInFuture");
        }
        if (member is not null && deputy is not null && string.Equals(member, deputy, StringComparison.CurrentCultureIgnoreCase))
        {
            errors.AddText("deputyName", "wg.validation.deputySame");
        }
        errors.ThrowIfAny();
        var nomination = new WellbeingGroupNomination
        {
            Id = Guid.CreateVersion7(),
            Municipality = municipality!,
            GroupName = group!,
            MemberName = member!,
            DeputyName = deputy,
            DecidedBy = decidedBy!,
            DecidedOn = request.DecidedOn!.Value,
            ReviewDue = request.DecidedOn.Value.AddYears(1),
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(ct);
        return ToDto(nomination, today);
    }

    public async Task<IReadOnlyList<BudgetProposalDto>> BudgetProposalsAsync(int? year, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        var query = db.BudgetProposals.AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(b => b.Year == y);
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(b => b.Year).ThenBy(b => b.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<BudgetProposalDto> ProposeBudgetAsync(BudgetProposalRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.budget"], WgRoles.Budget);
        var errors = new ValidationErrors(texts);
        var thisYear = Helsinki.Today(clock).Year;
        if (request.Year is null)
        {
            errors.AddText("year", "validation.required");
        }
        else if (request.Year < thisYear || request.Year > thisYear + 2)
        {
            errors.AddText("year", "validation.range", thisYear, thisYear + 2);
        }
        var title = errors.Text("title", request.Title, Limits.Name);
        var justification = errors.Text("justification", request.Justification, Limits.Text);
        var serviceArea = errors.Text("serviceArea", request.ServiceArea, Limits.Name);
        if (request.Amount is null)
        {
            errors.AddText("amount", "validation.required");
        }
        else if (request.Amount <= 0 || request.Amount > 9_999_999_999m || decimal.Round(request.Amount.Value, 2) != request.Amount)
        {
            errors.AddText("amount", "wg.validation.amount");
        }
        // A budget proposal rests on a RAKE decision (Kainuu 4.1: the working group's line is taken into the budget proposal).
        if (request.DecisionId is null)
        {
            errors.AddText("decisionId", "validation.required");
        }
        else if (!await db.Decisions.AnyAsync(d => d.Id == request.DecisionId, ct))
        {
            errors.AddText("decisionId", "wg.validation.unknownDecision");
        }
        errors.ThrowIfAny();
        var proposal = new BudgetProposal
        {
            Id = Guid.CreateVersion7(),
            Year = request.Year!.Value,
            DecisionId = request.DecisionId,
            Title = title!,
            Justification = justification!,
            ServiceArea = serviceArea!,
            Amount = request.Amount!.Value,
            Status = BudgetStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.BudgetProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return ToDto(proposal);
    }

    /// <summary>Decisions a budget proposal can rest on, newest first.</summary>
    public async Task<IReadOnlyList<DecisionDto>> DecisionsAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        var rows = await db.Decisions.AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(d => d.DecidedAt).Take(200).Select(WorkingGroupHandler.ToDto).ToList();
    }

    private static NominationDto ToDto(WellbeingGroupNomination n, DateOnly today) =>
        new(n.Id, n.Municipality, n.GroupName, n.MemberName, n.DeputyName, n.DecidedBy, n.DecidedOn, n.ReviewDue, n.ReviewDue < today);

    private static BudgetProposalDto ToDto(BudgetProposal b) => new(b.Id, b.Year, b.Title, b.Justification, b.ServiceArea, b.Amount, b.Status.ToString(), b.DecisionId);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.AddTraining;
using Rake.Modules.Competence.Features.JoinTraining;
using Rake.Modules.Competence.Features.RemoveSpecialist;
using Rake.Modules.Competence.Features.RemoveTraining;
using Rake.Modules.Competence.Features.UpdateSpecialist;
using Rake.Modules.Competence.Features.UpdateTraining;
using Rake.Modules.Competence.Persistence;
using static Rake.Modules.Competence.Tests.CompetenceScope;

namespace Rake.Modules.Competence.Tests;

/// <summary>Editing and removing trainings and specialists: what changes, what goes with a removal, and the region boundary.</summary>
public sealed class StaffMaintenanceTests(CompetenceScope module) : IClassFixture<CompetenceScope>
{
    [Fact]
    public async Task An_edited_training_keeps_its_participants_and_a_removed_one_takes_them_along_and_leaves_an_audit_row()
    {
        Guid id;
        await using (var lead = module.In(Kainuu, "kainuu-planner", RegionRole.Planner))
        {
            id = (await lead.ServiceProvider.GetRequiredService<AddTrainingHandler>()
                .HandleAsync(new AddTrainingRequest("Material", "Opas", null, 20, null), CancellationToken.None)).Id;
        }
        await using (var person = module.In(Kainuu, "kainuu-professional", RegionRole.Professional))
        {
            await person.ServiceProvider.GetRequiredService<JoinTrainingHandler>().HandleAsync(id, CancellationToken.None);
        }
        await using (var lead = module.In(Kainuu, "kainuu-planner", RegionRole.Planner))
        {
            var edited = await lead.ServiceProvider.GetRequiredService<UpdateTrainingHandler>().HandleAsync(id,
                new AddTrainingRequest("Event", "  Opas ja tilaisuus ", "https://example.org/x", 45, new DateOnly(2026, 5, 4)),
                CancellationToken.None);
            Assert.Equal(("Event", "Opas ja tilaisuus", "https://example.org/x", (int?)45, (DateOnly?)new DateOnly(2026, 5, 4), 1, false),
                (edited.Kind, edited.Title, edited.Url, edited.DurationMinutes, edited.On, edited.Participants, edited.JoinedByMe));

            await lead.ServiceProvider.GetRequiredService<RemoveTrainingHandler>().HandleAsync(id, CancellationToken.None);
        }
        await using var check = module.In(Kainuu);
        var db = check.ServiceProvider.GetRequiredService<CompetenceDbContext>();
        Assert.False(await db.Trainings.AnyAsync(t => t.Id == id));
        Assert.False(await db.Participations.AnyAsync(p => p.TrainingId == id));
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync(),
            a => a.Contains("Delete", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_specialist_is_edited_and_removed_and_another_region_finds_neither_row()
    {
        Guid id;
        await using (var lead = module.In(Kainuu, "kainuu-supervisor", RegionRole.Supervisor))
        {
            id = (await lead.ServiceProvider.GetRequiredService<AddSpecialistHandler>()
                .HandleAsync(new AddSpecialistRequest("Erityisosaaja", "adults", 2020, "Koulutus"), CancellationToken.None)).Id;
        }
        var changed = new AddSpecialistRequest("Erityisosaaja Uusi", "elderly", 2021, null);
        await using (var other = module.In(KeskiSuomi, "keski-suomi-planner", RegionRole.Planner))
        {
            await Assert.ThrowsAsync<NotFoundException>(() =>
                other.ServiceProvider.GetRequiredService<UpdateSpecialistHandler>().HandleAsync(id, changed, CancellationToken.None));
            await Assert.ThrowsAsync<NotFoundException>(() =>
                other.ServiceProvider.GetRequiredService<RemoveSpecialistHandler>().HandleAsync(id, CancellationToken.None));
            await Assert.ThrowsAsync<NotFoundException>(() =>
                other.ServiceProvider.GetRequiredService<RemoveTrainingHandler>().HandleAsync(id, CancellationToken.None));
        }
        await using (var lead = module.In(Kainuu, "kainuu-supervisor", RegionRole.Supervisor))
        {
            var edited = await lead.ServiceProvider.GetRequiredService<UpdateSpecialistHandler>()
                .HandleAsync(id, changed, CancellationToken.None);
            Assert.Equal(("Erityisosaaja Uusi", "elderly", (int?)2021, "", 70),
                (edited.Name, edited.Unit, edited.CompletedYear, edited.Use, edited.Credits));
            await lead.ServiceProvider.GetRequiredService<RemoveSpecialistHandler>().HandleAsync(id, CancellationToken.None);
            await Assert.ThrowsAsync<NotFoundException>(() =>
                lead.ServiceProvider.GetRequiredService<RemoveSpecialistHandler>().HandleAsync(id, CancellationToken.None));
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Planning.Domain;

namespace Rake.Modules.Planning.Persistence;

internal sealed class PlanningDbContext(
    DbContextOptions<PlanningDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "planning";

    public override string Schema => SchemaName;

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanSection> Sections => Set<PlanSection>();
    public DbSet<PlanApproval> Approvals => Set<PlanApproval>();
    public DbSet<PlanGoal> Goals => Set<PlanGoal>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<PlanVersion> Versions => Set<PlanVersion>();
    public DbSet<PlanEvaluation> Evaluations => Set<PlanEvaluation>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Plan>(b =>
        {
            b.ToTable("Plans");
            b.HasKey(p => p.Id);
            b.HasIndex(p => p.RegionCode).IsUnique();
            b.Property(p => p.Title).HasMaxLength(Plan.TitleMax);
            b.Property(p => p.UpdateResponsible).HasMaxLength(Plan.TitleMax);
            b.Property(p => p.IntranetUrl).HasMaxLength(Plan.UrlMax);
            b.Property(p => p.WebsiteUrl).HasMaxLength(Plan.UrlMax);
        });
        modelBuilder.Entity<PlanSection>(b =>
        {
            b.ToTable("Sections");
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.RegionCode, s.PlanId, s.Key }).IsUnique();
            b.Property(s => s.Key).HasMaxLength(40);
            b.Property(s => s.Content).HasMaxLength(PlanSection.TextMax);
            b.Property(s => s.DevelopmentNeeds).HasMaxLength(PlanSection.TextMax);
        });
        modelBuilder.Entity<PlanApproval>(b =>
        {
            b.ToTable("Approvals");
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.RegionCode, a.PlanId });
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Body).HasMaxLength(PlanApproval.NameMax);
            b.Property(a => a.Approver).HasMaxLength(PlanApproval.NameMax);
        });
        modelBuilder.Entity<PlanGoal>(b =>
        {
            b.ToTable("Goals");
            b.HasKey(g => g.Id);
            b.HasIndex(g => new { g.RegionCode, g.PlanId });
            b.Property(g => g.Title).HasMaxLength(PlanGoal.TitleMax);
        });
        modelBuilder.Entity<PlanAction>(b =>
        {
            b.ToTable("Actions");
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.RegionCode, a.GoalId });
            b.Property(a => a.Title).HasMaxLength(PlanAction.TitleMax);
            b.Property(a => a.Responsible).HasMaxLength(PlanAction.ResponsibleMax);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Evidence).HasMaxLength(PlanAction.EvidenceMax);
            b.Property(a => a.StatusChangedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<PlanVersion>(b =>
        {
            b.ToTable("Versions");
            b.HasKey(v => v.Id);
            b.HasIndex(v => new { v.RegionCode, v.PlanId, v.Number }).IsUnique();
            b.Property(v => v.CreatedBy).HasMaxLength(200);
            b.Property(v => v.Note).HasMaxLength(500);
        });
        modelBuilder.Entity<PlanEvaluation>(b =>
        {
            b.ToTable("Evaluations");
            b.HasKey(e => e.Id);
            b.HasIndex(e => new { e.RegionCode, e.Year });
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Text).HasMaxLength(PlanEvaluation.TextMax);
            b.Property(e => e.RecordedBy).HasMaxLength(200);
            b.Property(e => e.SourceKey).HasMaxLength(300);
        });
    }
}

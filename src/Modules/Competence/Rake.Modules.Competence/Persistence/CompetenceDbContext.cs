using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Competence.Persistence;

internal sealed class CompetenceDbContext(
    DbContextOptions<CompetenceDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "competence";

    public override string Schema => SchemaName;

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyArea> Areas => Set<SurveyArea>();
    public DbSet<SurveyTally> Tallies => Set<SurveyTally>();
    public DbSet<SurveyRespondent> Respondents => Set<SurveyRespondent>();
    public DbSet<OrientationItem> OrientationItems => Set<OrientationItem>();
    public DbSet<OrientationCompletion> OrientationCompletions => Set<OrientationCompletion>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<Specialist> Specialists => Set<Specialist>();
    public DbSet<CompetenceNeed> Needs => Set<CompetenceNeed>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Unit>(b =>
        {
            b.ToTable("Units");
            b.HasKey(u => u.Id);
            b.HasIndex(u => new { u.RegionCode, u.Code }).IsUnique();
            b.Property(u => u.Code).HasMaxLength(Unit.CodeMax);
            b.Property(u => u.Name).HasMaxLength(Unit.NameMax);
        });
        modelBuilder.Entity<Survey>(b =>
        {
            b.ToTable("Surveys");
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.RegionCode, s.Round });
            b.Property(s => s.Title).HasMaxLength(Survey.TitleMax);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.SourceKey).HasMaxLength(300);
        });
        modelBuilder.Entity<SurveyArea>(b =>
        {
            b.ToTable("SurveyAreas");
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.RegionCode, a.SurveyId });
            b.Property(a => a.Code).HasMaxLength(40);
            b.Property(a => a.Name).HasMaxLength(SurveyArea.NameMax);
        });
        modelBuilder.Entity<SurveyTally>(b =>
        {
            b.ToTable("SurveyTallies");
            b.HasKey(t => new { t.SurveyId, t.UnitCode, t.AreaCode });
            b.Property(t => t.UnitCode).HasMaxLength(40);
            b.Property(t => t.AreaCode).HasMaxLength(40);
        });
        modelBuilder.Entity<SurveyRespondent>(b =>
        {
            b.ToTable("SurveyRespondents");
            b.HasKey(r => new { r.SurveyId, r.UserId });
        });
        modelBuilder.Entity<OrientationItem>(b =>
        {
            b.ToTable("OrientationItems");
            b.HasKey(i => i.Id);
            b.Property(i => i.Text).HasMaxLength(OrientationItem.TextMax);
        });
        modelBuilder.Entity<OrientationCompletion>(b =>
        {
            b.ToTable("OrientationCompletions");
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.RegionCode, c.UserId, c.ItemId }).IsUnique();
            b.Property(c => c.UserName).HasMaxLength(256);
            b.Property(c => c.UnitCode).HasMaxLength(40);
        });
        modelBuilder.Entity<Training>(b =>
        {
            b.ToTable("Trainings");
            b.HasKey(t => t.Id);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Title).HasMaxLength(Training.TitleMax);
            b.Property(t => t.Url).HasMaxLength(500);
        });
        modelBuilder.Entity<Participation>(b =>
        {
            b.ToTable("Participations");
            b.HasKey(p => new { p.TrainingId, p.UserId });
            b.Property(p => p.UserName).HasMaxLength(256);
        });
        modelBuilder.Entity<Specialist>(b =>
        {
            b.ToTable("Specialists");
            b.HasKey(s => s.Id);
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.UnitCode).HasMaxLength(40);
            b.Property(s => s.Use).HasMaxLength(2000);
        });
        modelBuilder.Entity<CompetenceNeed>(b =>
        {
            b.ToTable("Needs");
            b.HasKey(n => n.Id);
            b.HasIndex(n => new { n.RegionCode, n.Year });
            b.Property(n => n.UnitCode).HasMaxLength(40);
            b.Property(n => n.Text).HasMaxLength(2000);
            b.Property(n => n.RecordedBy).HasMaxLength(256);
        });
    }
}

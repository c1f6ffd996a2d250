using Microsoft.EntityFrameworkCore;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>The tables of the reporting outputs (compilation notes, annual reports, import ledger); migration M0002.</summary>
internal static class OutputsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CompilationNote>(b =>
        {
            b.ToTable("CompilationNotes");
            b.HasKey(n => n.Id);
            b.Property(n => n.PeriodId).HasMaxLength(CompilationNote.PeriodIdMax);
            b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(n => n.Text).HasMaxLength(CompilationNote.TextMax);
            b.Property(n => n.ResponsiblePerson).HasMaxLength(200);
            b.Property(n => n.Author).HasMaxLength(200);
            b.HasIndex(n => new { n.RegionCode, n.PeriodId });
        });
        modelBuilder.Entity<AnnualSocialReport>(b =>
        {
            b.ToTable("AnnualReports");
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.RegionCode, a.Year }).IsUnique();
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Introduction).HasMaxLength(AnnualSocialReport.SectionMax);
            b.Property(a => a.ActionsTaken).HasMaxLength(AnnualSocialReport.SectionMax);
            b.Property(a => a.PlanEvaluation).HasMaxLength(AnnualSocialReport.SectionMax);
            b.Property(a => a.Conclusions).HasMaxLength(AnnualSocialReport.SectionMax);
            b.Property(a => a.UpdatedBy).HasMaxLength(200);
            b.Property(a => a.ApprovedBy).HasMaxLength(200);
            b.Property(a => a.PublishedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ImportedRow>(b =>
        {
            b.ToTable("ImportedRows");
            b.HasKey(i => i.Id);
            b.Property(i => i.ContentHash).HasMaxLength(64);
            b.Property(i => i.SourceRowId).HasMaxLength(100);
            b.Property(i => i.FileName).HasMaxLength(260);
            b.Property(i => i.ImportedBy).HasMaxLength(200);
            b.HasIndex(i => new { i.RegionCode, i.ContentHash }).IsUnique();
        });
    }
}

/// <summary>Phenomenon-based reports and their workshop inputs and comments; migration M0003.</summary>
internal static class PhenomenonReportModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PhenomenonReport>(b =>
        {
            b.ToTable("PhenomenonReports");
            b.HasKey(p => p.Id);
            b.Property(p => p.Title).HasMaxLength(SocialReport.TitleMax);
            foreach (var name in new[] { nameof(PhenomenonReport.Description), nameof(PhenomenonReport.Needs),
                nameof(PhenomenonReport.Topicality),
                         nameof(PhenomenonReport.Significance), nameof(PhenomenonReport.Recurrence), nameof(PhenomenonReport.Decision) })
            {
                b.Property(name).HasMaxLength(PhenomenonReport.TextMax);
            }
            b.Property(p => p.RelatedReports).HasMaxLength(1000);
            b.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.Draft).HasMaxLength(PhenomenonReport.DraftMax);
            b.Property(p => p.DecidedBy).HasMaxLength(200);
            b.Property(p => p.PublishedBy).HasMaxLength(200);
            b.Property(p => p.CreatedBy).HasMaxLength(200);
            b.HasIndex(p => new { p.RegionCode, p.CreatedAt });
            b.HasIndex(p => p.WorkflowRunId);
            b.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.PhenomenonReportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PhenomenonEntry>(b =>
        {
            b.ToTable("PhenomenonEntries");
            b.HasKey(e => e.Id);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Text).HasMaxLength(PhenomenonReport.TextMax);
            b.Property(e => e.Author).HasMaxLength(200);
            b.HasIndex(e => e.PhenomenonReportId);
        });
    }
}

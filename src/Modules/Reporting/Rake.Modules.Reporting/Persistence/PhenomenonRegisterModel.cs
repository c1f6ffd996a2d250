using Microsoft.EntityFrameworkCore;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>The phenomenon register and its links to reports (docs/adr/0162).</summary>
internal static class PhenomenonRegisterModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Phenomenon>(b =>
        {
            b.ToTable("Phenomena");
            b.HasKey(p => p.Id);
            b.Property(p => p.Title).HasMaxLength(Phenomenon.TitleMax);
            foreach (var name in new[] { nameof(Phenomenon.Description), nameof(Phenomenon.Needs), nameof(Phenomenon.Topicality),
                         nameof(Phenomenon.Significance), nameof(Phenomenon.Recurrence) })
            {
                b.Property(name).HasMaxLength(Phenomenon.TextMax);
            }
            b.Property(p => p.CreatedBy).HasMaxLength(200);
            b.Property(p => p.ChangedBy).HasMaxLength(200);
            b.HasIndex(p => new { p.RegionCode, p.Title });
            b.HasMany(p => p.Links).WithOne().HasForeignKey(l => l.PhenomenonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PhenomenonLink>(b =>
        {
            b.ToTable("PhenomenonLinks");
            b.HasKey(l => new { l.PhenomenonId, l.ReportId });
            b.Property(l => l.LinkedBy).HasMaxLength(200);
            // Reached from the report's side too (which phenomena a report belongs to).
            b.HasIndex(l => new { l.RegionCode, l.ReportId });
            b.HasOne<SocialReport>().WithMany().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PhenomenonReport>(b =>
        {
            b.HasIndex(p => p.PhenomenonId);
            b.HasOne<Phenomenon>().WithMany().HasForeignKey(p => p.PhenomenonId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

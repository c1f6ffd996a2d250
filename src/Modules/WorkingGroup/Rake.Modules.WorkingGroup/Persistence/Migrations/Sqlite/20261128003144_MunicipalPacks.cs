using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.WorkingGroup.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MunicipalPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DeputyUserId",
                table: "workinggroup_WellbeingGroupNominations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MemberUserId",
                table: "workinggroup_WellbeingGroupNominations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_WellbeingGroupNominations_RegionCode_DeputyUserId",
                table: "workinggroup_WellbeingGroupNominations",
                columns: new[] { "RegionCode", "DeputyUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_WellbeingGroupNominations_RegionCode_MemberUserId",
                table: "workinggroup_WellbeingGroupNominations",
                columns: new[] { "RegionCode", "MemberUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workinggroup_WellbeingGroupNominations_RegionCode_DeputyUserId",
                table: "workinggroup_WellbeingGroupNominations");

            migrationBuilder.DropIndex(
                name: "IX_workinggroup_WellbeingGroupNominations_RegionCode_MemberUserId",
                table: "workinggroup_WellbeingGroupNominations");

            migrationBuilder.DropColumn(
                name: "DeputyUserId",
                table: "workinggroup_WellbeingGroupNominations");

            migrationBuilder.DropColumn(
                name: "MemberUserId",
                table: "workinggroup_WellbeingGroupNominations");
        }
    }
}

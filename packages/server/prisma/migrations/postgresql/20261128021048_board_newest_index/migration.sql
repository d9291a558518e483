-- CreateIndex
CREATE INDEX "Concern_communityId_createdAt_idx" ON "Concern"("communityId", "createdAt");

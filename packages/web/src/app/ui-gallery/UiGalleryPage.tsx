// Every shared UI component on one page, with sample content, for people building screens and for the
// browser tests (an axe check and screenshots of all components at 360 px). Not linked from the app.
// Sample texts are written in Chinese on purpose (the residents' language); they are not product copy.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusLabel } from '../../shared/i18n/dynamic-key.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { Button, IconButton } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { LazyTrendChart } from '../../shared/ui/charts/LazyTrendChart.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextArea, TextField } from '../../shared/ui/Field.tsx';
import { CloseIcon } from '../../shared/ui/icons.tsx';
import { Loading, Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import { TallyBar } from '../../shared/ui/TallyBar.tsx';
import { Tabs } from '../../shared/ui/Tabs.tsx';
import { Timeline } from '../../shared/ui/Timeline.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';

const DAY = 24 * 60 * 60 * 1000;

export function UiGalleryPage() {
  const { i18n } = useTranslation();
  const { toast } = useAnnouncer();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  // Sample times relative to the first render, kept stable across re-renders.
  const [now] = useState(() => Date.now());

  return (
    <>
      <PageHeader title="界面组件" description="共享组件一览：按钮、表单、状态、投票、进度、时间线。" />

      <Card as="section" aria-labelledby="gallery-buttons">
        <h2 id="gallery-buttons">按钮</h2>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--space-2)' }}>
          <Button onClick={() => toast('已附议', { tone: 'success' })}>附议</Button>
          <Button variant="secondary" onClick={() => setDialogOpen(true)}>
            打开对话框
          </Button>
          <Button
            variant="secondary"
            loading={saving}
            onClick={() => {
              setSaving(true);
              window.setTimeout(() => setSaving(false), 2000);
            }}
          >
            保存
          </Button>
          <Button variant="danger" onClick={() => toast('撤回失败，请再试一次。', { tone: 'error' })}>
            撤回方案
          </Button>
          <Button variant="quiet">以后再说</Button>
          <IconButton label="关闭" icon={<CloseIcon />} />
        </div>
      </Card>

      <Card as="section" aria-labelledby="gallery-form">
        <h2 id="gallery-form">表单</h2>
        <TextField label="标题" hint="一句话说清楚是什么事，比如“3 号楼门口路灯不亮”。" required defaultValue="路灯" />
        <TextField label="地点" error="这一项需要修改，请再检查一下。" defaultValue="" />
        <TextArea label="详细情况" hint="什么时候开始的？影响到谁？" />
        <Select
          label="类别"
          placeholder="请选择"
          options={[
            { value: 'parking', label: '停车' },
            { value: 'repair', label: '维修' },
            { value: 'hygiene', label: '环境卫生' },
          ]}
        />
      </Card>

      <Card as="section" aria-labelledby="gallery-status">
        <h2 id="gallery-status">状态</h2>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--space-2)' }}>
          <Badge tone="neutral">{statusLabel(i18n, 'Concern', 'REPORTED') ?? ''}</Badge>
          <Badge tone="info">{statusLabel(i18n, 'Concern', 'IN_PROGRESS') ?? ''}</Badge>
          <Badge tone="success">{statusLabel(i18n, 'Concern', 'RESOLVED') ?? ''}</Badge>
          <Badge tone="warning">{statusLabel(i18n, 'Concern', 'REOPENED') ?? ''}</Badge>
          <Badge tone="danger">超期未回应</Badge>
        </div>
      </Card>

      <Card as="section" aria-labelledby="gallery-votes">
        <h2 id="gallery-votes">表决与进度</h2>
        <TallyBar caption="方案：下班后开放单位门口车位共享停车" tally={{ support: 42, oppose: 9, abstain: 5 }} />
        <TallyBar caption="方案：楼道装修保护公约" tally={{ support: 0, oppose: 0, abstain: 0 }} />
        <ProgressBar label="办理进度" value={65} />
      </Card>

      <Card as="section" aria-labelledby="gallery-tabs">
        <h2 id="gallery-tabs">标签页</h2>
        <Tabs
          label="诉求内容"
          tabs={[
            { id: 'proposals', label: '方案', panel: <p>这里列出居民提出的方案。</p> },
            { id: 'comments', label: '留言', panel: <p>这里是大家的留言。</p> },
            { id: 'timeline', label: '经过', panel: <p>这里是事情的来龙去脉。</p> },
          ]}
        />
      </Card>

      <Card as="section" aria-labelledby="gallery-timeline">
        <h2 id="gallery-timeline">时间线</h2>
        <Timeline
          label="诉求经过"
          entries={[
            { id: '1', at: now - 9 * DAY, title: '李阿姨反映了这条诉求', tone: 'info' },
            { id: '2', at: now - 7 * DAY, title: '王书记回应：本周内实地查看', body: '已联系物业，周四上午到现场。', tone: 'success' },
            { id: '3', at: now - 2 * DAY, title: '议事会表决通过了方案', tone: 'success' },
          ]}
        />
      </Card>

      <Card as="section" aria-labelledby="gallery-feedback">
        <h2 id="gallery-feedback">加载、空状态与错误</h2>
        <Loading />
        <Skeleton lines={2} />
        <EmptyState title="还没有诉求" body="有烦心事？点下面的按钮反映一下。" action={<Button>反映诉求</Button>} headingLevel={3} />
        <ErrorNotice error={{ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' }} title="操作没有成功" onRetry={() => undefined} />
      </Card>

      <Card as="section" aria-labelledby="gallery-chart">
        <h2 id="gallery-chart">图表（按需加载）</h2>
        <LazyTrendChart
          title="回应率"
          kind="ratio"
          points={[
            { period: '8月', value: 0.62 },
            { period: '9月', value: 0.71 },
            { period: '10月', value: 0.8 },
            { period: '11月', value: 0.86 },
          ]}
        />
      </Card>

      <Dialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        title="确认撤回方案？"
        footer={
          <>
            <Button variant="secondary" onClick={() => setDialogOpen(false)}>
              取消
            </Button>
            <Button variant="danger" onClick={() => setDialogOpen(false)}>
              撤回
            </Button>
          </>
        }
      >
        <p>撤回后，这个方案不再参加表决。已经投的票会作废。</p>
      </Dialog>
    </>
  );
}
